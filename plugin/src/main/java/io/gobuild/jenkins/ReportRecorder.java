package io.gobuild.jenkins;

import hudson.model.Run;
import io.gobuild.engine.report.BuildReport;
import io.gobuild.engine.report.ReportJson;
import io.gobuild.engine.step.CallSummary;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;

/**
 * Attaches a call's report to the build: the full JSON as a side file in the build directory,
 * its summary numbers in a per-call action, and the one page action that shows all calls.
 */
final class ReportRecorder {
    static final String DIRECTORY = "gobuild";

    private ReportRecorder() {
    }

    static void record(StepRuntime runtime, BuildReport report) throws IOException {
        Run<?, ?> run = runtime.run;
        File directory = new File(run.getRootDir(), DIRECTORY);
        Files.createDirectories(directory.toPath());
        String name = report.kind().toLowerCase(java.util.Locale.ROOT) + "-" + report.runId() + ".json";
        File temp = new File(directory, name + ".tmp");
        Files.write(temp.toPath(), ReportJson.write(report));
        Files.move(temp.toPath(), new File(directory, name).toPath(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        synchronized (run) {
            run.addAction(new GoBuildCallAction(runtime.agentName(), name, CallSummary.of(report)));
            if (run.getAction(GoBuildReportAction.class) == null) {
                run.addAction(new GoBuildReportAction());
            }
            run.save();
        }
    }
}
