package io.gobuild.engine.pipeline;

import io.gobuild.engine.build.BuildPlanner;
import io.gobuild.engine.port.AgentPaths;

/** Decides every target's go build, so that template and path errors stop the run before it compiles. */
final class PlanStage implements Stage {
    static final String STAGING_PREFIX = ".gobuild-staging-";

    @Override
    public String name() {
        return "plan";
    }

    @Override
    public void run(BuildContext context) {
        BuildPlanner planner = new BuildPlanner(context.request, context.environment, context.source);
        String stagingRoot = AgentPaths.join(context.outDir, STAGING_PREFIX + context.runId);
        context.plans = planner.plan(context.targets, context.packages, context.outDir, stagingRoot);
    }
}
