package io.gobuild.engine.pipeline;

import io.gobuild.engine.build.BuildPlanner;
import io.gobuild.engine.build.MainPackage;
import io.gobuild.engine.build.MainPackageResolver;
import io.gobuild.engine.matrix.Target;
import io.gobuild.engine.port.AgentPaths;
import io.gobuild.engine.report.Warning;
import io.gobuild.engine.report.Warning.WarningKind;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Decides every target's go build, so that template and path errors stop the run before it
 * compiles. A main package that a target's constraints exclude is left out of that target's build.
 */
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
        Map<Target, List<MainPackage>> packages = new LinkedHashMap<>();
        context.targetListings.forEach((target, listing) -> {
            MainPackageResolver.ForTarget forTarget = MainPackageResolver.forTarget(context.packages, listing);
            forTarget.excluded().forEach((pkg, reason) -> context.warn(new Warning(WarningKind.PACKAGE_EXCLUDED,
                    target.id(), pkg + " is not built for " + target.id() + ": " + reason)));
            packages.put(target, forTarget.packages());
        });
        context.plans = planner.plan(context.targets, packages, context.outDir, AgentPaths.join(context.outputState, "build"));
    }
}
