package io.gobuild.engine.pipeline;

import io.gobuild.engine.build.BuildPlanner;
import io.gobuild.engine.port.AgentPaths;

/** Decides every target's go build, so that template and path errors stop the run before it compiles. */
final class PlanStage implements Stage {
    @Override
    public String name() {
        return "plan";
    }

    @Override
    public void run(BuildContext context) {
        if (context.verificationFailed()) {
            return;
        }
        BuildPlanner planner = new BuildPlanner(context.request, context.environment, context.source);
        context.plans = planner.plan(context.targets, context.packages, context.outDir,
                AgentPaths.join(context.outputState, "build"));
    }
}
