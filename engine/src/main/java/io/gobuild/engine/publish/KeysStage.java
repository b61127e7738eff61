package io.gobuild.engine.publish;

import io.gobuild.engine.request.UsageException;
import io.gobuild.engine.secret.Secret;
import io.gobuild.engine.sign.CosignSigner;
import io.gobuild.engine.sign.OpenPgpSigner;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Opens the signing keys before anything is packaged, so a wrong passphrase or an expired key
 * stops the publish with nothing published.
 */
final class KeysStage implements PublishStage {
    @Override
    public String name() {
        return "keys";
    }

    @Override
    public void run(PublishContext context) throws IOException {
        PublishRequest request = context.request;
        Set<String> secrets = new LinkedHashSet<>();
        for (Secret secret : new Secret[] {request.passphrase(), request.cosignPassphrase()}) {
            if (secret != null) {
                secrets.add(secret.reveal());
            }
        }
        secrets.addAll(request.auth().secrets());
        context.log.addSecrets(secrets);
        if (request.signKey() != null) {
            Path key = keyFile(context, request.signKey(), "OpenPGP key");
            context.openPgp = OpenPgpSigner.load(key.toString(), Files.readAllBytes(key), request.passphrase(), Instant.now());
            context.log.info("publish: signing with OpenPGP key " + context.openPgp.fingerprint());
        } else if (request.signArtifacts() && request.cosignKey() == null) {
            throw new UsageException("signing artifacts needs a key; give --sign-key FILE or --cosign-key FILE");
        }
        if (request.cosignKey() != null) {
            Path key = keyFile(context, request.cosignKey(), "cosign key");
            context.cosign = CosignSigner.load(key.toString(), Files.readAllBytes(key), request.cosignPassphrase());
            context.log.info("publish: signing with cosign key " + context.cosign.keyId());
        }
    }

    private static Path keyFile(PublishContext context, String given, String what) {
        Path path = context.workingDirectory.resolve(given);
        if (!Files.isRegularFile(path)) {
            throw new UsageException(what + " file " + path + " does not exist");
        }
        return path;
    }
}
