package io.gobuild.engine.step;

import io.gobuild.engine.report.Artifact;
import io.gobuild.engine.report.BuildReport;
import io.gobuild.engine.report.BuildReport.RunStatus;
import io.gobuild.engine.report.PublishReport;
import io.gobuild.engine.report.TargetResult;

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
        List<String> paths = new ArrayList<>();
        String ws = io.gobuild.engine.port.AgentPaths.normalize(workspace) + "/";
        if (report.publish() == null || report.publish().staging() == null) {
            return paths;
        }
        String staging = io.gobuild.engine.port.AgentPaths.normalize(report.publish().staging());
        for (PublishReport.PublishedFile file : report.publish().files()) {
            String path = staging + "/" + file.name();
            boolean there = file.outcome() == PublishReport.Outcome.UPLOADED || file.outcome() == PublishReport.Outcome.SKIPPED_IDENTICAL;
            if (there && path.startsWith(ws)) {
                paths.add(path.substring(ws.length()));
            }
        }
        String json = report.publish().report() == null ? "" : io.gobuild.engine.port.AgentPaths.normalize(report.publish().report());
        if (json.startsWith(ws)) {
            paths.add(json.substring(ws.length()));
            paths.add(io.gobuild.engine.report.html.HtmlReport.pathBeside(json).substring(ws.length()));
        }
        return paths;
    }

    /**
     * A build's files to archive, relative to the workspace: its JSON report and HTML page, and
     * with binaries its binaries too; files outside the workspace are left out.
     */
    public static List<String> archivable(BuildReport report, String workspace, boolean binaries) {
        List<String> paths = new ArrayList<>();
        String ws = io.gobuild.engine.port.AgentPaths.normalize(workspace) + "/";
        if (report.request() == null) {
            return paths;
        }
        String out = report.request().out();
        for (TargetResult target : binaries ? report.targets() : List.<TargetResult>of()) {
            for (Artifact artifact : target.artifacts()) {
                String path = io.gobuild.engine.port.AgentPaths.resolve(out, artifact.path());
                if (path.startsWith(ws)) {
                    paths.add(path.substring(ws.length()));
                }
            }
        }
        String json = io.gobuild.engine.port.AgentPaths.normalize(report.request().report());
        if (json.startsWith(ws)) {
            paths.add(json.substring(ws.length()));
            paths.add(io.gobuild.engine.report.html.HtmlReport.pathBeside(json).substring(ws.length()));
        }
        return paths;
    }
}
