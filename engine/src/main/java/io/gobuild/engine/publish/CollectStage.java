package io.gobuild.engine.publish;

import io.gobuild.engine.report.Artifact;
import io.gobuild.engine.report.BuildReport;
import io.gobuild.engine.report.ReportJson;
import io.gobuild.engine.report.TargetResult;
import io.gobuild.engine.report.TargetStatus;
import io.gobuild.engine.request.UsageException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads the build reports, checks that they describe one successful build of one module and
 * version, and finds every binary they name on this machine, with the sha256 the report recorded.
 */
final class CollectStage implements PublishStage {
    private static final Pattern MAJOR_SUFFIX = Pattern.compile("/v[0-9]+$");

    @Override
    public String name() {
        return "collect";
    }

    @Override
    public void run(PublishContext context) throws IOException {
        PublishRequest request = context.request;
        if (request.reports().isEmpty()) {
            throw new UsageException("no build report to publish; give --from REPORT (repeatable)");
        }
        context.workingDirectory = Path.of(request.workingDirectory());
        context.destination = destination(context);
        List<Path> paths = new ArrayList<>();
        List<BuildReport> reports = new ArrayList<>();
        for (String given : request.reports()) {
            Path path = context.workingDirectory.resolve(given).normalize();
            reports.add(read(path));
            paths.add(path);
        }
        context.reportPaths = paths;
        context.reports = reports;
        BuildReport first = reports.get(0);
        for (int i = 1; i < reports.size(); i++) {
            sameRelease(first, paths.get(0), reports.get(i), paths.get(i));
        }
        Path firstDir = paths.get(0).getParent();
        context.staging = request.staging() != null ? context.workingDirectory.resolve(request.staging()) : firstDir.resolve("release");
        context.reportPath = request.reportPath() != null ? context.workingDirectory.resolve(request.reportPath())
                : firstDir.resolve("publish-report.json");
        context.name = MAJOR_SUFFIX.matcher(first.module()).replaceFirst("").replaceFirst(".*/", "");
        context.version = first.source() == null || first.source().version() == null ? "dev" : first.source().version();
        context.releaseTime = releaseTime(request, first);
        context.targets = targets(reports, paths);
        context.log.info("publish: " + context.name + " " + context.version + ", " + context.targets.size() + " target(s) from "
                + reports.size() + " report(s)");
    }

    private static Destination destination(PublishContext context) {
        String to = context.request.destination();
        if (to == null || to.isBlank()) {
            throw new UsageException("no destination; give --to DIRECTORY or --to http(s)://URL");
        }
        Retry retry = new Retry(context.request.retries(), context.request.retryDelayMillis(), context.log);
        if (to.matches("(?i)^https?://.*")) {
            return new HttpDestination(to, context.request.auth(), retry, context.log);
        }
        if (to.matches("^[A-Za-z][A-Za-z0-9+.-]+://.*")) {
            throw new UsageException("unsupported destination '" + io.gobuild.engine.secret.Redactor.urls(to)
                    + "'; accepted: a directory path or an http(s) URL");
        }
        return new DirectoryDestination(context.workingDirectory.resolve(to).normalize());
    }

    private static BuildReport read(Path path) throws IOException {
        if (!Files.isRegularFile(path)) {
            throw new UsageException("build report " + path + " does not exist");
        }
        BuildReport report;
        try {
            report = ReportJson.read(Files.readAllBytes(path), BuildReport.class);
        } catch (IOException e) {
            throw new UsageException("build report " + path + " is not a gobuild report (" + e.getMessage().lines().findFirst().orElse("")
                    + ")");
        }
        if (!"BUILD".equals(report.kind())) {
            throw new UsageException("report " + path + " is a " + report.kind() + " report; publish takes build reports");
        }
        if (report.status() != BuildReport.RunStatus.SUCCESS) {
            throw new UsageException("build report " + path + " records a " + report.status()
                    + " build; only successful builds are published");
        }
        return report;
    }

    private static void sameRelease(BuildReport first, Path firstPath, BuildReport other, Path otherPath) {
        if (!first.module().equals(other.module())) {
            throw new UsageException("build reports " + firstPath + " and " + otherPath + " are of different modules ("
                    + first.module() + ", " + other.module() + "); a release is one module");
        }
        String a = first.source() == null ? null : first.source().version();
        String b = other.source() == null ? null : other.source().version();
        if (a != null && !a.equals(b)) {
            throw new UsageException("build reports " + firstPath + " and " + otherPath + " are of different versions (" + a + ", " + b
                    + "); a release is one version");
        }
    }

    /** SOURCE_DATE_EPOCH of the publish, else the build's own date, else when it started. */
    private static Instant releaseTime(PublishRequest request, BuildReport first) {
        String epoch = request.environment().get("SOURCE_DATE_EPOCH");
        if (epoch != null && !epoch.isBlank()) {
            try {
                return Instant.ofEpochSecond(Long.parseLong(epoch.strip()));
            } catch (NumberFormatException e) {
                throw new UsageException("SOURCE_DATE_EPOCH '" + epoch + "' is not a number of seconds since 1970");
            }
        }
        for (String text : new String[] {first.source() == null ? null : first.source().date(), first.startedAt()}) {
            try {
                if (text != null) {
                    return Instant.parse(text);
                }
            } catch (DateTimeParseException e) {
                // fall through to the next candidate
            }
        }
        return Instant.EPOCH;
    }

    private static List<ReleaseTarget> targets(List<BuildReport> reports, List<Path> paths) throws IOException {
        Map<String, ReleaseTarget> byTarget = new LinkedHashMap<>();
        for (int i = 0; i < reports.size(); i++) {
            for (TargetResult result : reports.get(i).targets()) {
                if (result.status() != TargetStatus.SUCCESS) {
                    continue;
                }
                ReleaseTarget target = locate(reports.get(i), paths.get(i), result);
                ReleaseTarget seen = byTarget.putIfAbsent(result.target(), target);
                if (seen != null && !sameBinaries(seen, target)) {
                    throw new UsageException("target " + result.target() + " was built differently by two reports (" + paths.get(i)
                            + " and an earlier one); publish one build of each target");
                }
            }
        }
        if (byTarget.isEmpty()) {
            throw new UsageException("the build reports name no successful target; nothing to publish");
        }
        return List.copyOf(byTarget.values());
    }

    private static boolean sameBinaries(ReleaseTarget a, ReleaseTarget b) {
        return a.binaries().stream().map(ReleaseTarget.Binary::sha256).toList()
                .equals(b.binaries().stream().map(ReleaseTarget.Binary::sha256).toList());
    }

    private static ReleaseTarget locate(BuildReport report, Path reportPath, TargetResult result) throws IOException {
        List<ReleaseTarget.Binary> binaries = new ArrayList<>();
        for (Artifact artifact : result.artifacts()) {
            Path file = find(report, reportPath, artifact);
            String sha256 = Sha256.of(file);
            if (!sha256.equals(artifact.sha256())) {
                throw new UsageException("binary " + file + " does not match " + reportPath + " (sha256 " + sha256 + ", the report says "
                        + artifact.sha256() + "); publish the report of the build that made it");
            }
            binaries.add(new ReleaseTarget.Binary(artifact.binary(), file, sha256, artifact.buildInfo()));
        }
        return new ReleaseTarget(result.target(), result.goos(), result.goarch(), result.variant(), binaries);
    }

    /**
     * Beside the report first (where a build writes it, and where stash/unstash or copied artifacts
     * put it on another machine), then the build's output directory as the report names it.
     */
    private static Path find(BuildReport report, Path reportPath, Artifact artifact) {
        List<Path> candidates = new ArrayList<>();
        candidates.add(reportPath.getParent().resolve(artifact.path()));
        String out = report.request() == null ? null : report.request().out();
        if (out != null && Path.of(out).isAbsolute()) {
            candidates.add(Path.of(out).resolve(artifact.path()));
        } else if (report.moduleDir() != null) {
            candidates.add(Path.of(report.moduleDir()).resolve(out == null ? "dist" : out).resolve(artifact.path()));
        }
        return candidates.stream().filter(Files::isRegularFile).findFirst().orElseThrow(() -> new UsageException("binary "
                + artifact.path() + " of " + reportPath + " is not on this machine; looked at "
                + String.join(", ", candidates.stream().map(Path::toString).toList())));
    }
}
