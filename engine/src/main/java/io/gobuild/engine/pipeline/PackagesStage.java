package io.gobuild.engine.pipeline;

import io.gobuild.engine.build.MainPackage;
import io.gobuild.engine.build.MainPackageResolver;

import com.fasterxml.jackson.core.type.TypeReference;
import io.gobuild.engine.cache.QueryKey;

import java.io.IOException;

/**
 * Finds the module path and the main packages to build; the answer is remembered while the
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
        String key = QueryKey.of("packages v1", context.toolchain).add(context.moduleDir).add(context.request.packages())
                .environment(context.environment.base()).toString();
        MainPackageResolver.Resolved resolved = context.memo().get("packages " + context.moduleDir, key, context.moduleFiles(),
                new TypeReference<>() { },
                () -> new MainPackageResolver().resolve(context.go, context.moduleDir, context.request.packages()));
        context.modulePath = resolved.modulePath();
        context.packages = resolved.packages();
        context.log.info("module: " + context.modulePath);
        context.log.info("main packages: " + String.join(" ", context.packages.stream().map(MainPackage::importPath).toList()));
    }
}
