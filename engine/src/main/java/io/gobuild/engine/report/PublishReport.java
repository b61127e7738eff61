package io.gobuild.engine.report;

import java.util.List;

/**
 * What a publish did: where to, which release, and per file its outcome. Files are listed in the
 * order they are published: archives, their signatures, provenance, then the checksum file and
 * its signatures, so that a release never looks complete before all its artifacts are there.
 * staging is the directory on the publishing machine where the release files were assembled, and
 * report the publish report's own path there.
 */
public record PublishReport(String destination, String name, String version, List<String> fromReports,
                            List<PublishedFile> files, List<Signer> signers, String provenance,
                            String staging, String report) {
    public PublishReport {
        fromReports = fromReports == null ? List.of() : List.copyOf(fromReports);
        files = files == null ? List.of() : List.copyOf(files);
        signers = signers == null ? List.of() : List.copyOf(signers);
    }

    /** One file of the release and what happened to it. */
    public record PublishedFile(String name, Role role, String target, long size, String sha256, String destination,
                                Outcome outcome, String message) {
        public PublishedFile withOutcome(Outcome newOutcome, String newMessage) {
            return new PublishedFile(name, role, target, size, sha256, destination, newOutcome, newMessage);
        }
    }

    /** What a release file is. */
    public enum Role {
        ARCHIVE,
        BINARY,
        SIGNATURE,
        PROVENANCE,
        CHECKSUMS
    }

    /** How publishing a file ended. */
    public enum Outcome {
        /** Now at the destination. */
        UPLOADED,
        /** Already at the destination with identical content (or, for a signature, one that verifies). */
        SKIPPED_IDENTICAL,
        /** Could not be published; the message says why. */
        FAILED,
        /** Held back: another file failed, or the run was stopped before it. */
        NOT_PUBLISHED
    }

    /** A key that signed: OpenPGP by fingerprint, cosign by the sha256 of its public key. */
    public record Signer(String kind, String keyId, List<String> signatures) {
        public Signer {
            signatures = signatures == null ? List.of() : List.copyOf(signatures);
        }
    }
}
