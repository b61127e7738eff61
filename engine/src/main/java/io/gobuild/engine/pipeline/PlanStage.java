package io.gobuild.engine.pipeline;

import com.fasterxml.jackson.core.type.TypeReference;
import io.gobuild.engine.build.BuildPlanner;
import io.gobuild.engine.cache.QueryKey;
import io.gobuild.engine.build.MainPackage;
import io.gobuild.engine.build.MainPackageResolver;
import io.gobuild.engine.matrix.Target;
import io.gobuild.engine.port.AgentPaths;
import io.gobuild.engine.port.Concurrently;
import io.gobuild.engine.report.Warning;
import io.gobuild.engine.report.Warning.WarningKind;
import io.gobuild.engine.toolchain.GoInvocation;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Decides every target's go build, so that template and path errors stop the run before it
 * compiles. Which main packages a target's constraints exclude is remembered like the package list.
 */
final class PlanStage implements Stage {
    @Override
    public String name() {
        return "plan";
    }

    @Override
    public void run(BuildContext context) throws IOException, InterruptedException {
        if (context.verificationFailed()) {
            return;
        }
        BuildPlanner planner = new BuildPlanner(context.request, context.environment, context.source);
        Map<Target, List<MainPackage>> packages = packagesPerTarget(context);
        context.plans = planner.plan(context.targets, packages, context.outDir, AgentPaths.join(context.outputState, "build"));
    }

    /** One go list per target, all at once: which main packages build constraints leave for each. */
    private static Map<Target, List<MainPackage>> packagesPerTarget(BuildContext context) throws IOException, InterruptedException {
        MainPackageResolver resolver = new MainPackageResolver();
        Map<Target, Concurrently<MainPackageResolver.ForTarget>> running = new LinkedHashMap<>();
        List<String> importPaths = context.packages.stream().map(MainPackage::importPath).toList();
        for (Target target : context.targets) {
            Map<String, String> env = context.environment.forTarget(target.environment(), context.request.cgo(), Map.of());
            GoInvocation go = context.go.with(env);
            String key = QueryKey.of("plan v1", context.toolchain).add(context.moduleDir).add(importPaths).environment(env)
                    .toString();
            running.put(target, Concurrently.start(() -> context.memo().get("plan " + context.moduleDir + " " + target.id(), key,
                    context.moduleFiles(), new TypeReference<>() { }, () -> resolver.forTarget(go, context.moduleDir, context.packages))));
        }
        Map<Target, List<MainPackage>> packages = new LinkedHashMap<>();
        for (Map.Entry<Target, Concurrently<MainPackageResolver.ForTarget>> entry : running.entrySet()) {
            MainPackageResolver.ForTarget forTarget = entry.getValue().get();
            forTarget.excluded().forEach((pkg, reason) -> context.warn(new Warning(WarningKind.PACKAGE_EXCLUDED,
                    entry.getKey().id(), pkg + " is not built for " + entry.getKey().id() + ": " + reason)));
            packages.put(entry.getKey(), forTarget.packages());
        }
        return packages;
    }
}
