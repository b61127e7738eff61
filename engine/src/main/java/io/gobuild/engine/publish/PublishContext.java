package io.gobuild.engine.publish;

import io.gobuild.engine.report.BuildReport;
import io.gobuild.engine.report.PublishReport.PublishedFile;
import io.gobuild.engine.report.StageTime;
import io.gobuild.engine.report.Warning;
import io.gobuild.engine.secret.MaskingLog;
import io.gobuild.engine.sign.CosignSigner;
import io.gobuild.engine.sign.OpenPgpSigner;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** What the stages of one publish share; each fills in its part. */
final class PublishContext {
    final PublishRequest request;
    final MaskingLog log;
    final String runId;
    final Instant startedAt = Instant.now();
    final List<StageTime> stageTimes = new ArrayList<>();
    final List<Warning> warnings = new ArrayList<>();

    Path workingDirectory;
    List<Path> reportPaths = List.of();
    List<BuildReport> reports = List.of();
    Path staging;
    Path reportPath;
    Destination destination;
    String name;
    String version;
    /** The time archives, signatures and provenance carry: SOURCE_DATE_EPOCH or the build's date. */
    Instant releaseTime;
    List<ReleaseTarget> targets = List.of();
    Map<String, String> templateValues = Map.of();
    OpenPgpSigner openPgp;
    CosignSigner cosign;
    /** In publish order: artifacts, their signatures, provenance, checksum file, its signatures. */
    final List<ReleaseFile> files = new ArrayList<>();
    String provenanceName;
    /** Per file (same order as files), what publishing it did or will do. */
    final List<PublishedFile> outcomes = new ArrayList<>();
    BuildReport.RunStatus status = BuildReport.RunStatus.SUCCESS;
    String message;
    BuildReport report;

    PublishContext(PublishRequest request, MaskingLog log, String runId) {
        this.request = request;
        this.log = log;
        this.runId = runId;
    }

    List<ReleaseFile> filesWithRole(io.gobuild.engine.report.PublishReport.Role role) {
        return files.stream().filter(f -> f.role() == role).toList();
    }
}
