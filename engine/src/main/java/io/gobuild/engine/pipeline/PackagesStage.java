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
 * target's constraints leave there is the plan stage's). The host's list is taken with the
 * environment of the matrix's first target for the host's platform, when there is one, and is that
 * target's list too: one go list fewer. Each answer is remembered while the module's Go and module
 * files, the toolchain and the Go environment are unchanged.
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
        Target hostTarget = context.targets.stream().filter(context::isHostPlatform).findFirst().orElse(null);
        Map<Target, Concurrently<MainPackageResolver.TargetListing>> listings = startTargetListings(context, hostTarget);
        try {
            Map<String, String> hostEnv = hostTarget == null ? context.environment.base() : listingEnvironment(context, hostTarget);
            String key = QueryKey.of("packages v2", context.toolchain).add(context.moduleDir).add(context.request.packages())
                    .environment(hostEnv).toString();
            GoInvocation hostGo = context.go.with(hostEnv);
            MainPackageResolver.Resolved resolved = context.memo().get(slot(context), key, context.moduleFiles(),
                    new TypeReference<>() { },
                    () -> new MainPackageResolver().resolve(hostGo, context.moduleDir, context.request.packages()));
            context.modulePath = resolved.modulePath();
            context.log.info("module: " + context.modulePath);
            Map<Target, MainPackageResolver.TargetListing> listed = new LinkedHashMap<>();
            for (Target target : context.targets) {
                listed.put(target, target.equals(hostTarget) ? MainPackageResolver.TargetListing.of(resolved)
                        : listings.get(target).get());
            }
            context.targetListings = listed;
            context.packages = MainPackageResolver.acrossTargets(resolved, listed.values(), context.moduleDir);
            context.log.info("main packages: " + String.join(" ", context.packages.stream().map(MainPackage::importPath).toList()));
        } finally {
            listings.values().forEach(Concurrently::cancelAndWait);
        }
    }

    /** One go list per target but the host's, started before the host's: none of them needs another's answer. */
    private static Map<Target, Concurrently<MainPackageResolver.TargetListing>> startTargetListings(BuildContext context,
                                                                                                   Target hostTarget) {
        MainPackageResolver resolver = new MainPackageResolver();
        Map<Target, Concurrently<MainPackageResolver.TargetListing>> running = new LinkedHashMap<>();
        for (Target target : context.targets) {
            if (target.equals(hostTarget)) {
                continue;
            }
            Map<String, String> env = listingEnvironment(context, target);
            GoInvocation go = context.go.with(env);
            String key = QueryKey.of("plan v4", context.toolchain).add(context.moduleDir).add(context.request.packages())
                    .environment(env).toString();
            running.put(target, Concurrently.start(() -> context.memo().get("plan " + context.moduleDir + " " + target.id(), key,
                    context.moduleFiles(), new TypeReference<>() { },
                    () -> resolver.listForTarget(go, context.moduleDir, context.request.packages()))));
        }
        return running;
    }

    private static Map<String, String> listingEnvironment(BuildContext context, Target target) {
        return context.environment.forTarget(target.environment(), context.request.cgo(), Map.of());
    }

    /** Where the memo keeps this module's package list. */
    static String slot(BuildContext context) {
        return "packages " + context.moduleDir;
    }
}
