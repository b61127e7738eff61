package io.gobuild.engine.step;

import io.gobuild.engine.port.AgentPaths;
import io.gobuild.engine.report.Artifact;
import io.gobuild.engine.report.BuildReport;
import io.gobuild.engine.report.BuildReport.RunStatus;
import io.gobuild.engine.report.PublishReport;
import io.gobuild.engine.report.TargetResult;
import io.gobuild.engine.report.html.HtmlReport;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a step hands back to the pipeline and how it ends: a small map of plain serializable
 * values (status, and per target its status and artifacts), and whether the run fails, turns
 * unstable, or goes on.
 */
public final class StepResult {
    private StepResult() {
    }

    /** How a step ends. */
    public enum Verdict {
        SUCCESS,
        UNSTABLE,
        FAILURE
    }

    /**
     * @param unstableOnFailure the user asked for failed targets to mark the build unstable instead of failing the step
     */
    public static Verdict verdict(BuildReport report, boolean unstableOnFailure) {
        if (report.status() == RunStatus.SUCCESS) {
            return Verdict.SUCCESS;
        }
        boolean targetsFailed = report.status() == RunStatus.FAILURE && report.targets().stream().anyMatch(t -> !t.errors().isEmpty()
                || t.status() == io.gobuild.engine.report.TargetStatus.FAILURE);
        return unstableOnFailure && targetsFailed ? Verdict.UNSTABLE : Verdict.FAILURE;
    }

    /** The one line a failed or unstable step reports. */
    public static String message(BuildReport report) {
        long failed = report.targets().stream().filter(t -> t.status() != io.gobuild.engine.report.TargetStatus.SUCCESS).count();
        String what = report.kind().toLowerCase(java.util.Locale.ROOT);
        return what + " " + report.status() + (report.message() == null ? "" : ": " + report.message())
                + (failed > 0 ? " (" + failed + " of " + report.targets().size() + " targets did not build)" : "");
    }

    /** `[status: 'SUCCESS', targets: ['linux/amd64': [status: ..., artifacts: [[path:, sha256:, size:]]]], published: [...]]`. */
    public static Map<String, Serializable> summary(BuildReport report) {
        LinkedHashMap<String, Serializable> summary = new LinkedHashMap<>();
        summary.put("status", report.status().name());
        LinkedHashMap<String, Serializable> targets = new LinkedHashMap<>();
        for (TargetResult target : report.targets()) {
            LinkedHashMap<String, Serializable> entry = new LinkedHashMap<>();
            entry.put("status", target.status().name());
            ArrayList<Serializable> artifacts = new ArrayList<>();
            for (Artifact artifact : target.artifacts()) {
                LinkedHashMap<String, Serializable> a = new LinkedHashMap<>();
                a.put("path", artifact.path());
                a.put("sha256", artifact.sha256());
                a.put("size", artifact.size());
                artifacts.add(a);
            }
            entry.put("artifacts", artifacts);
            targets.put(target.target(), entry);
        }
        summary.put("targets", targets);
        if (report.publish() != null) {
            ArrayList<Serializable> files = new ArrayList<>();
            for (PublishReport.PublishedFile file : report.publish().files()) {
                LinkedHashMap<String, Serializable> f = new LinkedHashMap<>();
                f.put("name", file.name());
                f.put("outcome", file.outcome().name());
                f.put("destination", file.destination());
                f.put("sha256", file.sha256());
                files.add(f);
            }
            summary.put("published", files);
        }
        if (report.request() != null && report.request().report() != null) {
            summary.put("report", report.request().report());
        }
        return summary;
    }

    /**
     * The staged release files that are at the destination, and the publish report with its page,
     * relative to the workspace, for archiving.
     */
    public static List<String> publishedFiles(BuildReport report, String workspace) {
        Archivable paths = new Archivable(workspace);
        if (report.publish() == null || report.publish().staging() == null) {
            return paths.list;
        }
        for (PublishReport.PublishedFile file : report.publish().files()) {
            if (file.outcome() == PublishReport.Outcome.UPLOADED || file.outcome() == PublishReport.Outcome.SKIPPED_IDENTICAL) {
                paths.add(AgentPaths.join(report.publish().staging(), file.name()));
            }
        }
        paths.addReport(report.publish().report());
        return paths.list;
    }

    /**
     * A build's files to archive, relative to the workspace: its JSON report and HTML page, and
     * with binaries its binaries too; files outside the workspace are left out.
     */
    public static List<String> archivable(BuildReport report, String workspace, boolean binaries) {
        Archivable paths = new Archivable(workspace);
        if (report.request() == null) {
            return paths.list;
        }
        for (TargetResult target : binaries ? report.targets() : List.<TargetResult>of()) {
            for (Artifact artifact : target.artifacts()) {
                paths.add(AgentPaths.resolve(report.request().out(), artifact.path()));
            }
        }
        paths.addReport(report.request().report());
        return paths.list;
    }

    /** Paths relative to a workspace; those outside it are left out (archivers take workspace files only). */
    private static final class Archivable {
        private final String workspace;
        private final List<String> list = new ArrayList<>();

        Archivable(String workspace) {
            this.workspace = AgentPaths.normalize(workspace) + "/";
        }

        void add(String path) {
            String normalized = AgentPaths.normalize(path);
            if (normalized.startsWith(workspace)) {
                list.add(normalized.substring(workspace.length()));
            }
        }

        /** A report and the HTML page written beside it. */
        void addReport(String json) {
            if (json != null) {
                add(json);
                add(HtmlReport.pathBeside(json));
            }
        }
    }
}
