package io.gobuild.engine.pipeline;

import io.gobuild.engine.port.AgentPaths;
import io.gobuild.engine.port.Concurrently;
import io.gobuild.engine.report.Verification;
import io.gobuild.engine.report.BuildReport.RunStatus;
import io.gobuild.engine.secret.SecretMasker;
import io.gobuild.engine.verify.ModuleVerifier;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Verifies the module before anything built is delivered; a failure stops the build (every target
 * is SKIPPED). In a build the verification runs while the stages that only read the module do, and
 * while the first target compiles.
 */
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
        ModuleVerifier verifier = new ModuleVerifier(context.host.files(), context.log);
        if (context.kind.equals("VERIFY")) {
            context.verification = verifier.verify(context.go, context.toolchain, settings);
            context.status = context.verification.failed() ? RunStatus.FAILURE : RunStatus.SUCCESS;
            return;
        }
        // A build's next stages only read the module (git, go list): they run while it is verified,
        // and so may the go builds, whose outputs wait for the verdict (see VerdictGate).
        context.pendingVerification = Concurrently.start(() -> verifier.verify(context.go, context.toolchain, settings));
    }

    /** Waits for the verification under way, if any; its verdict is the context's from then on. */
    static void await(BuildContext context) throws IOException, InterruptedException {
        Concurrently<Verification> pending = context.pendingVerification;
        if (pending != null) {
            context.verification = pending.get(); // Interrupted, it stays pending for cancel() to stop.
            context.pendingVerification = null;
        }
    }

    /** Stops a verification still under way (an interrupted or failed run), with the go processes it started. */
    static void cancel(BuildContext context) {
        if (context.pendingVerification != null) {
            context.pendingVerification.cancelAndWait();
            context.pendingVerification = null;
        }
    }
}
