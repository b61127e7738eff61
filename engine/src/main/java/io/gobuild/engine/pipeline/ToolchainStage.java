package io.gobuild.engine.pipeline;

import io.gobuild.engine.port.Concurrently;
import io.gobuild.engine.toolchain.CacheHomeProbe;
import io.gobuild.engine.build.GoEnvironment;
import io.gobuild.engine.report.Warning;
import io.gobuild.engine.report.Warning.WarningKind;
import io.gobuild.engine.toolchain.GoInvocation;
import io.gobuild.engine.toolchain.ToolchainProbe;

import java.io.IOException;

/** Builds the explicit Go environment and finds out which Go builds with it. */
final class ToolchainStage implements Stage {
    @Override
    public String name() {
        return "toolchain";
    }

    @Override
    public void run(BuildContext context) throws IOException, InterruptedException {
        context.environment = GoEnvironment.of(context.host.environment(), context.request, context.cacheHome);
        for (String replaced : context.environment.overridden(context.host.environment())) {
            context.warn(new Warning(WarningKind.ENVIRONMENT_OVERRIDDEN, null,
                    "ignoring " + replaced + " from the environment: gobuild sets it explicitly for every target"));
        }
        context.go = new GoInvocation(context.host.commands(), context.request.go(), context.environment.base());
        // The cache-home check overlaps the toolchain queries; a missing go is reported by the latter first.
        Concurrently<Void> cacheHome = Concurrently.start(() -> {
            CacheHomeProbe.check(context.go, context.host.files(), context.cacheHome.path(), context.moduleDir);
            return null;
        });
        try {
            context.toolchain = new ToolchainProbe().probe(context.go, context.moduleDir);
        } catch (IOException | RuntimeException | InterruptedException e) {
            cacheHome.cancel();
            throw e;
        }
        cacheHome.get();
        context.log.info("toolchain: " + context.toolchain.versionText() + " (" + context.toolchain.goroot()
                + ", GOTOOLCHAIN=" + context.toolchain.gotoolchain() + ")");
    }
}
