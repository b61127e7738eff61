package io.gobuild.engine.publish;

import io.gobuild.engine.report.PublishReport.Outcome;
import io.gobuild.engine.report.PublishReport.PublishedFile;
import io.gobuild.engine.report.PublishReport.Role;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Looks at what the destination already holds before publishing anything: identical files are
 * skipped, an existing signature that verifies over the same file is kept, and a file that exists
 * with different content stops the whole publish (unless overwrite was asked for), so a conflict
 * changes nothing at the destination.
 */
final class CheckStage implements PublishStage {
    @Override
    public String name() {
        return "check";
    }

    @Override
    public void run(PublishContext context) throws IOException, InterruptedException {
        int conflicts = 0;
        boolean unreadable = false;
        for (ReleaseFile file : context.files) {
            PublishedFile planned;
            if (unreadable) {
                planned = entry(context, file);
            } else {
                try {
                    planned = plan(context, file);
                } catch (IOException e) {
                    String message = context.log.mask(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
                    context.log.warn("publish: cannot read the destination: " + message);
                    planned = entry(context, file).withOutcome(Outcome.FAILED, message);
                    unreadable = true;
                }
            }
            if (planned.outcome() == Outcome.FAILED) {
                conflicts++;
            }
            context.outcomes.add(planned);
        }
        if (conflicts > 0) {
            context.status = io.gobuild.engine.report.BuildReport.RunStatus.FAILURE;
            context.message = conflicts + " file(s) conflict with the destination (different content, or it cannot be read); "
                    + "nothing was published" + (context.request.overwrite() ? "" : " (--overwrite replaces different files)");
            for (int i = 0; i < context.outcomes.size(); i++) {
                PublishedFile outcome = context.outcomes.get(i);
                if (outcome.outcome() == null) {
                    context.outcomes.set(i, outcome.withOutcome(Outcome.NOT_PUBLISHED, "held back: a conflict elsewhere"));
                }
            }
            context.log.warn("publish: " + context.message);
        }
    }

    /** The file with outcome null when it is to be uploaded, else its final outcome. */
    private static PublishedFile plan(PublishContext context, ReleaseFile file) throws IOException, InterruptedException {
        PublishedFile entry = entry(context, file);
        Destination.Existing existing = context.destination.stat(file.name());
        if (existing == null) {
            return entry;
        }
        if (existing.size() == file.size() && file.sha256().equals(existing.sha256())) {
            return entry.withOutcome(Outcome.SKIPPED_IDENTICAL, null);
        }
        if (file.role() == Role.SIGNATURE && existing.content() != null && verifies(context, file, existing.content())) {
            return entry.withOutcome(Outcome.SKIPPED_IDENTICAL, "kept: the published signature verifies over the same " + file.signs());
        }
        if (context.request.overwrite()) {
            return entry.withOutcome(null, "replaces a different file (sha256 " + existing.sha256() + ")");
        }
        context.log.warn("publish: " + context.destination.location(file.name()) + " exists with different content (sha256 "
                + existing.sha256() + ", this release has " + file.sha256() + ")");
        return entry.withOutcome(Outcome.FAILED, "exists with different content (sha256 " + existing.sha256() + ")");
    }

    private static PublishedFile entry(PublishContext context, ReleaseFile file) {
        return new PublishedFile(file.name(), file.role(), file.target(), file.size(), file.sha256(),
                context.destination.location(file.name()), null, null);
    }

    private static boolean verifies(PublishContext context, ReleaseFile signature, byte[] published) throws IOException {
        Path signed = context.staging.resolve(signature.signs());
        byte[] content = Files.readAllBytes(signed);
        if (signature.name().endsWith(".asc")) {
            return context.openPgp != null && context.openPgp.verifies(content, published);
        }
        return context.cosign != null && context.cosign.verifiesBlob(content, published);
    }
}
