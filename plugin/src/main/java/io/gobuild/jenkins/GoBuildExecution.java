package io.gobuild.jenkins;

import hudson.AbortException;
import hudson.model.Result;
import io.gobuild.engine.report.BuildReport;
import io.gobuild.engine.request.BuildRequest;
import io.gobuild.engine.request.UsageException;
import io.gobuild.engine.step.BuildStepArguments;
import io.gobuild.engine.step.NodePolicy;
import io.gobuild.engine.step.StepResult;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.SynchronousNonBlockingStepExecution;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs goBuild or goVerify: the engine's orchestration runs here, on the controller, with ports
 * that reach the agent; the report is recorded on the build. Aborting the build interrupts this
 * thread, and the engine stops the go processes. A running step does not survive a controller
 * restart (it fails on resume).
 */
final class GoBuildExecution extends SynchronousNonBlockingStepExecution<Map<String, Serializable>> {
    private static final long serialVersionUID = 1L;
    private final transient BuildStepArguments arguments;
    private final String credentialsId;
    private final ArrayList<String> privateHosts;
    private final boolean markUnstable;
    private final boolean verifyOnly;
    private final boolean archiveBinaries;

    GoBuildExecution(StepContext context, BuildStepArguments arguments, String credentialsId, List<String> privateHosts,
                     boolean markUnstable, boolean verifyOnly, boolean archiveBinaries) {
        super(context);
        this.arguments = arguments;
        this.credentialsId = credentialsId;
        this.privateHosts = new ArrayList<>(privateHosts);
        this.markUnstable = markUnstable;
        this.verifyOnly = verifyOnly;
        this.archiveBinaries = archiveBinaries;
    }

    @Override
    protected Map<String, Serializable> run() throws Exception {
        StepRuntime runtime = new StepRuntime(getContext());
        String step = verifyOnly ? "goVerify" : "goBuild";
        try (PrivateTemp secrets = new PrivateTemp(runtime)) {
            NodePolicy.check(step, runtime.place, GoBuildConfiguration.get().isAllowBuiltInNode());
            String netrc = credentialsId == null || credentialsId.isBlank() ? null
                    : secrets.write("netrc", Credentials.netrc(runtime.run, credentialsId, privateHosts).getBytes(StandardCharsets.UTF_8));
            BuildRequest request = arguments.toRequest(runtime.place, netrc);
            BuildReport report = verifyOnly ? runtime.engine().verify(request) : runtime.engine().build(request);
            ReportRecorder.record(runtime, report);
            if (report.status() == BuildReport.RunStatus.CANCELLED) {
                throw new InterruptedException(step + " was stopped");
            }
            // The report and its page are always kept with the build; binaries when asked.
            Archive.files(runtime, StepResult.archivable(report, runtime.place.workspace(), archiveBinaries), archiveBinaries);
            switch (StepResult.verdict(report, markUnstable)) {
                case FAILURE -> throw new AbortException(step + ": " + StepResult.message(report));
                case UNSTABLE -> {
                    runtime.run.setResult(Result.UNSTABLE);
                    runtime.log.warn(step + ": " + StepResult.message(report) + "; the build is marked unstable");
                }
                case SUCCESS -> { }
            }
            return StepResult.summary(report);
        } catch (UsageException e) {
            throw new AbortException(step + ": " + e.getMessage());
        }
    }
}
