package io.gobuild.engine.publish;

import io.gobuild.engine.report.PublishReport.Role;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Detached signatures: `.asc` (OpenPGP) and `.sig` (cosign) of the checksum file, and with
 * signArtifacts of every archive and the provenance too. Signatures carry the release time, so
 * signing again gives the same bytes.
 */
final class SignStage implements PublishStage {
    @Override
    public String name() {
        return "sign";
    }

    @Override
    public void run(PublishContext context) throws IOException {
        List<ReleaseFile> toSign = new ArrayList<>();
        for (ReleaseFile file : context.files) {
            boolean artifact = file.role() != Role.CHECKSUMS;
            if (!artifact || context.request.signArtifacts()) {
                toSign.add(file);
            }
        }
        List<ReleaseFile> signatures = new ArrayList<>();
        for (ReleaseFile file : toSign) {
            byte[] content = Files.readAllBytes(file.file());
            if (context.openPgp != null) {
                signatures.add(write(context, file, ".asc", context.openPgp.sign(content, context.releaseTime)));
            }
            if (context.cosign != null) {
                signatures.add(write(context, file, ".sig", context.cosign.signBlob(content)));
            }
        }
        // Publish order: artifact signatures before the checksum file; the checksum file's own last.
        int checksums = indexOfChecksums(context.files);
        List<ReleaseFile> ordered = new ArrayList<>(context.files.subList(0, checksums));
        signatures.stream().filter(s -> !s.signs().equals(context.files.get(checksums).name())).forEach(ordered::add);
        ordered.add(context.files.get(checksums));
        signatures.stream().filter(s -> s.signs().equals(context.files.get(checksums).name())).forEach(ordered::add);
        context.files.clear();
        context.files.addAll(ordered);
    }

    private static int indexOfChecksums(List<ReleaseFile> files) {
        for (int i = 0; i < files.size(); i++) {
            if (files.get(i).role() == Role.CHECKSUMS) {
                return i;
            }
        }
        throw new IllegalStateException("the checksum stage runs before signing");
    }

    private static ReleaseFile write(PublishContext context, ReleaseFile signed, String suffix, byte[] signature) throws IOException {
        String name = signed.name() + suffix;
        Path file = context.staging.resolve(name);
        Staged.write(file, signature);
        return new ReleaseFile(name, file, Role.SIGNATURE, signed.target(), signature.length, io.gobuild.engine.port.Sha256.of(signature), signed.name());
    }
}
