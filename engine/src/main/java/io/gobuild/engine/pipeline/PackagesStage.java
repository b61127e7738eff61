package io.gobuild.engine.pipeline;

import io.gobuild.engine.build.MainPackage;
import io.gobuild.engine.build.MainPackageResolver;

import java.io.IOException;

/** Finds the module path and the main packages to build. */
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
        MainPackageResolver.Resolved resolved = new MainPackageResolver().resolve(context.go, context.moduleDir,
                context.request.packages());
        context.modulePath = resolved.modulePath();
        context.packages = resolved.packages();
        context.log.info("module: " + context.modulePath);
        context.log.info("main packages: " + String.join(" ", context.packages.stream().map(MainPackage::importPath).toList()));
    }
}
