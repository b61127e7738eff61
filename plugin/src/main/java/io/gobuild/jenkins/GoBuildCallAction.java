package io.gobuild.jenkins;

import hudson.model.InvisibleAction;
import hudson.model.Run;
import io.gobuild.engine.report.BuildReport;
import io.gobuild.engine.report.ReportJson;
import io.gobuild.engine.step.CallSummary;
import jenkins.model.RunAction2;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One goBuild, goVerify or goPublish call of a build: the agent, the report's side file, and its
 * summary numbers as plain fields (build.xml holds no engine value object); the full report is
 * read from the side file when a page needs it.
 */
public class GoBuildCallAction extends InvisibleAction implements RunAction2 {
    private final String agent;
    private final String reportFile;
    private final String kind;
    private final String status;
    private final int targetsOk;
    private final int targetsFailed;
    private final int compiled;
    private final int cached;
    private final int skippedFiles;
    private final LinkedHashMap<String, Integer> rootCauses;
    private final LinkedHashMap<String, Long> targetDurations;
    private final String verification;
    private final int published;
    private final int publishFailed;
    private final Integer signatures;
    private transient Run<?, ?> run;
    private transient BuildReport report;

    GoBuildCallAction(String agent, String reportFile, CallSummary summary) {
        this.agent = agent;
        this.reportFile = reportFile;
        this.kind = summary.kind();
        this.status = summary.status();
        this.targetsOk = summary.targetsOk();
        this.targetsFailed = summary.targetsFailed();
        this.compiled = summary.compiled();
        this.cached = summary.cached();
        this.skippedFiles = summary.skippedFiles();
        this.rootCauses = new LinkedHashMap<>(summary.rootCauses());
        this.targetDurations = new LinkedHashMap<>(summary.targetDurations());
        this.verification = summary.verification();
        this.published = summary.published();
        this.publishFailed = summary.publishFailed();
        this.signatures = summary.signatures();
    }

    public String getAgent() {
        return agent;
    }

    public String getKind() {
        return kind;
    }

    /** The numbers, as the engine adds them up. */
    public CallSummary summary() {
        return new CallSummary(kind, status, agent, targetsOk, targetsFailed, compiled, cached, skippedFiles,
                rootCauses == null ? Map.of() : rootCauses, targetDurations == null ? Map.of() : targetDurations, verification,
                published, publishFailed, signatures);
    }

    /** The full report, read once from the build directory; null when the file is gone. */
    public synchronized BuildReport getReport() {
        if (report == null && run != null) {
            File file = new File(new File(run.getRootDir(), ReportRecorder.DIRECTORY), reportFile);
            try {
                report = ReportJson.read(Files.readAllBytes(file.toPath()), BuildReport.class);
            } catch (IOException e) {
                return null;
            }
        }
        return report;
    }

    @Override
    public void onAttached(Run<?, ?> r) {
        this.run = r;
    }

    @Override
    public void onLoad(Run<?, ?> r) {
        this.run = r;
    }
}
