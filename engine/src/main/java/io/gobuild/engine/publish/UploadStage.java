package io.gobuild.engine.publish;

import io.gobuild.engine.report.BuildReport.RunStatus;
import io.gobuild.engine.report.PublishReport.Outcome;
import io.gobuild.engine.report.PublishReport.PublishedFile;
import io.gobuild.engine.report.PublishReport.Role;

import java.io.IOException;

/**
 * Uploads what the check left to do, in publish order. When an artifact fails, the others still
 * go (a rerun has less to do), but the checksum file and its signatures are held back, so the
 * release never looks complete without all its artifacts.
 */
final class UploadStage implements PublishStage {
    @Override
    public String name() {
        return "upload";
    }

    @Override
    public void run(PublishContext context) throws IOException, InterruptedException {
        if (context.status != RunStatus.SUCCESS) {
            return;
        }
        String checksums = context.filesWithRole(Role.CHECKSUMS).get(0).name();
        int failed = 0;
        for (int i = 0; i < context.files.size(); i++) {
            ReleaseFile file = context.files.get(i);
            PublishedFile planned = context.outcomes.get(i);
            if (planned.outcome() != null) {
                continue;
            }
            boolean checksumPart = file.role() == Role.CHECKSUMS || checksums.equals(file.signs());
            if (checksumPart && failed > 0) {
                context.outcomes.set(i, planned.withOutcome(Outcome.NOT_PUBLISHED, "held back: " + failed + " artifact(s) failed"));
                continue;
            }
            try {
                context.destination.put(file.name(), file.file(), file.sha256(), file.size());
                context.outcomes.set(i, planned.withOutcome(Outcome.UPLOADED, planned.message()));
                context.log.info("publish: uploaded " + planned.destination());
            } catch (InterruptedException e) {
                stopped(context);
                throw e;
            } catch (IOException e) {
                failed++;
                String message = context.log.mask(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
                context.outcomes.set(i, planned.withOutcome(Outcome.FAILED, message));
                context.log.warn("publish: " + file.name() + " failed: " + message);
            }
        }
        if (failed > 0) {
            context.status = RunStatus.FAILURE;
            context.message = failed + " file(s) failed to publish; the checksum file was held back";
        }
    }

    /** Marks what had not been published when the run was stopped. */
    static void stopped(PublishContext context) {
        for (int i = 0; i < context.outcomes.size(); i++) {
            if (context.outcomes.get(i).outcome() == null) {
                context.outcomes.set(i, context.outcomes.get(i).withOutcome(Outcome.NOT_PUBLISHED, "the publish was stopped"));
            }
        }
        context.status = RunStatus.CANCELLED;
        context.message = "stopped before the release was complete; run the same publish again to complete it";
    }
}
