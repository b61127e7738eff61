package io.gobuild.engine.pipeline;

import io.gobuild.engine.build.MainPackage;
import io.gobuild.engine.build.MainPackageResolver;

import com.fasterxml.jackson.core.type.TypeReference;
import io.gobuild.engine.cache.QueryKey;
import io.gobuild.engine.matrix.Target;
import io.gobuild.engine.port.Concurrently;
import io.gobuild.engine.toolchain.GoInvocation;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Finds the module path and the main packages to build, listing the same packages for the host and
 * every target at once: a main package counts when it builds for any target (which of them each
 * target's constraints leave there is the plan stage's). Each answer is remembered while the
 * module's Go and module files, the toolchain and the Go environment are unchanged.
 */
final class PackagesStage implements Stage {
    @Override
    public String name() {
        return "packages";
    }

    @Override
    public void run(BuildContext context) throws IOException, InterruptedException {
        if (context.verificationFailed()) {
            return;
        }
        Map<Target, Concurrently<MainPackageResolver.TargetListing>> listings = startTargetListings(context);
        try {
            String key = QueryKey.of("packages v2", context.toolchain).add(context.moduleDir).add(context.request.packages())
                    .environment(context.environment.base()).toString();
            MainPackageResolver.Resolved resolved = context.memo().get(slot(context), key, context.moduleFiles(),
                    new TypeReference<>() { },
                    () -> new MainPackageResolver().resolve(context.go, context.moduleDir, context.request.packages()));
            context.modulePath = resolved.modulePath();
            context.log.info("module: " + context.modulePath);
            Map<Target, MainPackageResolver.TargetListing> listed = new LinkedHashMap<>();
            for (Map.Entry<Target, Concurrently<MainPackageResolver.TargetListing>> entry : listings.entrySet()) {
                listed.put(entry.getKey(), entry.getValue().get());
            }
            context.targetListings = listed;
            context.packages = MainPackageResolver.acrossTargets(resolved, listed.values(), context.moduleDir);
            context.log.info("main packages: " + String.join(" ", context.packages.stream().map(MainPackage::importPath).toList()));
        } finally {
            listings.values().forEach(Concurrently::cancelAndWait);
        }
    }

    /** One go list per target, started before the host's: none of them needs another's answer. */
    private static Map<Target, Concurrently<MainPackageResolver.TargetListing>> startTargetListings(BuildContext context) {
        MainPackageResolver resolver = new MainPackageResolver();
        Map<Target, Concurrently<MainPackageResolver.TargetListing>> running = new LinkedHashMap<>();
        for (Target target : context.targets) {
            Map<String, String> env = context.environment.forTarget(target.environment(), context.request.cgo(), Map.of());
            GoInvocation go = context.go.with(env);
            String key = QueryKey.of("plan v4", context.toolchain).add(context.moduleDir).add(context.request.packages())
                    .environment(env).toString();
            running.put(target, Concurrently.start(() -> context.memo().get("plan " + context.moduleDir + " " + target.id(), key,
                    context.moduleFiles(), new TypeReference<>() { },
                    () -> resolver.listForTarget(go, context.moduleDir, context.request.packages()))));
        }
        return running;
    }

    /** Where the memo keeps this module's package list. */
    static String slot(BuildContext context) {
        return "packages " + context.moduleDir;
    }
}
