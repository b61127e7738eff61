package io.gobuild.engine.publish;

import io.gobuild.engine.port.LogSink;
import io.gobuild.engine.report.BuildReport;
import io.gobuild.engine.report.BuildReport.RunStatus;
import io.gobuild.engine.report.PublishReport;
import io.gobuild.engine.report.PublishReport.Outcome;
import io.gobuild.engine.report.PublishReport.PublishedFile;
import io.gobuild.engine.report.PublishReport.Role;
import io.gobuild.engine.report.ReportJson;
import io.gobuild.engine.report.StageTime;
import io.gobuild.engine.report.Tool;
import io.gobuild.engine.report.html.HtmlReport;
import io.gobuild.engine.secret.MaskingLog;
import io.gobuild.engine.secret.Redactor;
import io.gobuild.engine.secret.SecretMasker;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Publishing, in named stages over one context: collect the builds' binaries, open the keys,
 * package, provenance, checksums, sign, check the destination, upload; then the publish report.
 * It runs where the binaries are and reaches the destination from there.
 */
public final class PublishPipeline {
    private final List<PublishStage> stages = List.of(new CollectStage(), new KeysStage(), new PackageStage(), new ProvenanceStage(),
            new ChecksumStage(), new SignStage(), new CheckStage(), new UploadStage());

    public List<String> stageNames() {
        return stages.stream().map(PublishStage::name).toList();
    }

    /**
     * Publishes and writes the publish report; build reports are never rewritten.
     *
     * @throws io.gobuild.engine.request.UsageException when the request cannot be carried out; nothing was published
     */
    public BuildReport run(PublishRequest request, LogSink log) throws IOException, InterruptedException {
        MaskingLog masked = new MaskingLog(log, SecretMasker.forEnvironment(request.environment()));
        PublishContext context = new PublishContext(request, masked, UUID.randomUUID().toString());
        try {
            for (PublishStage stage : stages) {
                long start = System.nanoTime();
                stage.run(context);
                context.stageTimes.add(new StageTime(stage.name(), (System.nanoTime() - start) / 1_000_000));
            }
        } catch (InterruptedException e) {
            if (context.reportPath == null) {
                throw e;
            }
            UploadStage.stopped(context);
            for (int i = context.outcomes.size(); i < context.files.size(); i++) {
                ReleaseFile file = context.files.get(i);
                context.outcomes.add(new PublishedFile(file.name(), file.role(), file.target(), file.size(), file.sha256(),
                        context.destination.location(file.name()), Outcome.NOT_PUBLISHED, "the publish was stopped"));
            }
            masked.warn("publish: " + context.message);
            writeReport(context);
            Thread.currentThread().interrupt();
            return context.report;
        }
        writeReport(context);
        return context.report;
    }

    private static void writeReport(PublishContext context) throws IOException {
        BuildReport first = context.reports.get(0);
        List<PublishReport.Signer> signers = new ArrayList<>();
        if (context.openPgp != null) {
            signers.add(new PublishReport.Signer("OPENPGP", context.openPgp.fingerprint(), signatures(context, ".asc")));
        }
        if (context.cosign != null) {
            List<String> names = new ArrayList<>(signatures(context, ".sig"));
            if (context.provenanceName != null) {
                names.add(context.provenanceName);
            }
            signers.add(new PublishReport.Signer("COSIGN", context.cosign.keyId(), names));
        }
        PublishReport publish = new PublishReport(Redactor.urls(context.request.destination()), context.name, context.version,
                context.reportPaths.stream().map(Path::toString).toList(), context.outcomes, signers, context.provenanceName,
                context.staging.toString(), context.reportPath.toString());
        Instant finished = Instant.now();
        context.report = new BuildReport(BuildReport.SCHEMA_VERSION, "PUBLISH", context.runId, Tool.NAME, first.module(),
                first.moduleDir(), first.toolchain(), null, first.source(), null, context.startedAt.toString(), finished.toString(),
                finished.toEpochMilli() - context.startedAt.toEpochMilli(), context.status,
                context.message == null ? null : context.log.mask(context.message), context.stageTimes, List.of(), context.warnings,
                null, null, List.of(), publish);
        Files.createDirectories(context.reportPath.getParent());
        Staged.write(context.reportPath, ReportJson.write(context.report));
        Path page = Path.of(HtmlReport.pathBeside(context.reportPath.toString()));
        Staged.write(page, HtmlReport.render(List.of(context.report)).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        context.log.info("publish report: " + context.reportPath + " (page: " + page + ")");
    }

    private static List<String> signatures(PublishContext context, String suffix) {
        return context.files.stream().filter(f -> f.role() == Role.SIGNATURE && f.name().endsWith(suffix)).map(ReleaseFile::name).toList();
    }
}
