package io.gobuild.engine.pipeline;

import io.gobuild.engine.port.AgentPaths;
import io.gobuild.engine.report.BuildReport.RunStatus;
import io.gobuild.engine.secret.SecretMasker;
import io.gobuild.engine.verify.ModuleVerifier;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** Verifies the module before anything compiles; a failure stops the build (the compile stage skips every target). */
final class VerifyStage implements Stage {
    @Override
    public String name() {
        return "verify";
    }

    @Override
    public void run(BuildContext context) throws IOException, InterruptedException {
        if (!context.request.verify()) {
            return;
        }
        String netrc = context.request.netrc().isEmpty() ? "" : AgentPaths.resolve(context.host.workingDirectory(), context.request.netrc());
        if (!netrc.isEmpty()) {
            context.log.addSecrets(SecretMasker.netrcSecrets(new String(context.host.files().read(netrc), StandardCharsets.UTF_8)));
        }
        ModuleVerifier.Settings settings = new ModuleVerifier.Settings(context.moduleDir,
                context.request.tempDir() != null ? context.request.tempDir() : context.cacheHome.tempDir(), context.request.strict(),
                context.request.tidy(), netrc, AgentPaths.join(context.cacheHome.stateDir(), "verify"),
                context.moduleFingerprint());
        context.verification = new ModuleVerifier(context.host.files(), context.log)
                .verify(context.go, context.toolchain, settings);
        if (context.kind.equals("VERIFY")) {
            context.status = context.verification.failed() ? RunStatus.FAILURE : RunStatus.SUCCESS;
        }
    }
}
