package io.gobuild.jenkins;

import com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials;
import hudson.AbortException;
import io.gobuild.engine.publish.HttpAuth;
import io.gobuild.engine.publish.PublishRequest;
import io.gobuild.engine.report.BuildReport;
import io.gobuild.engine.report.ReportJson;
import io.gobuild.engine.request.UsageException;
import io.gobuild.engine.secret.Secret;
import io.gobuild.engine.step.NodePolicy;
import io.gobuild.engine.step.PublishStepArguments;
import io.gobuild.engine.step.StepResult;
import jenkins.model.Jenkins;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.SynchronousNonBlockingStepExecution;

import java.io.Serializable;
import java.util.Map;

/**
 * Runs goPublish: looks up the credentials by id in the run's context, puts key files on the
 * agent in a private temporary directory (deleted afterwards), runs the publish on the agent,
 * records the report, and archives and fingerprints the published files.
 */
final class GoPublishExecution extends SynchronousNonBlockingStepExecution<Map<String, Serializable>> {
    private static final long serialVersionUID = 1L;
    private final transient GoPublishStep step;

    GoPublishExecution(StepContext context, GoPublishStep step) {
        super(context);
        this.step = step;
    }

    @Override
    protected Map<String, Serializable> run() throws Exception {
        StepRuntime runtime = new StepRuntime(getContext());
        try (PrivateTemp secrets = new PrivateTemp(runtime)) {
            NodePolicy.check("goPublish", runtime.place, GoBuildConfiguration.get().isAllowBuiltInNode());
            PublishStepArguments.Secrets material = new PublishStepArguments.Secrets(
                    blank(step.getSigningKeyId()) ? null
                            : secrets.write("signing-key.asc", Credentials.secretFile(runtime.run, step.getSigningKeyId(), "signing key")),
                    blank(step.getPassphraseId()) ? null : Credentials.secretText(runtime.run, step.getPassphraseId(), "key passphrase"),
                    blank(step.getCosignKeyId()) ? null
                            : secrets.write("cosign.key", Credentials.secretFile(runtime.run, step.getCosignKeyId(), "cosign key")),
                    blank(step.getCosignPassphraseId()) ? null
                            : Credentials.secretText(runtime.run, step.getCosignPassphraseId(), "cosign password"),
                    auth(runtime));
            String root = Jenkins.get().getRootUrl();
            String builder = root == null ? "urn:gobuild:jenkins:" + runtime.run.getExternalizableId() : runtime.run.getAbsoluteUrl();
            PublishRequest request = step.arguments().toRequest(runtime.place, material, builder, runtime.environment);
            BuildReport report = ReportJson.read(runtime.channel().call(new PublishOnAgent(request, runtime.listener)), BuildReport.class);
            ReportRecorder.record(runtime, report);
            if (report.status() == BuildReport.RunStatus.CANCELLED) {
                throw new InterruptedException("goPublish was stopped");
            }
            if (step.isArchive()) {
                Archive.files(runtime, StepResult.publishedFiles(report, runtime.place.workspace()), true);
            }
            if (report.status() != BuildReport.RunStatus.SUCCESS) {
                throw new AbortException("goPublish: " + StepResult.message(report));
            }
            return StepResult.summary(report);
        } catch (UsageException e) {
            throw new AbortException("goPublish: " + e.getMessage());
        }
    }

    private HttpAuth auth(StepRuntime runtime) throws java.io.IOException {
        if (!blank(step.getTokenId())) {
            return HttpAuth.bearer(Credentials.secretText(runtime.run, step.getTokenId(), "upload token"));
        }
        if (!blank(step.getCredentialsId())) {
            StandardUsernamePasswordCredentials user = Credentials.find(runtime.run, step.getCredentialsId(),
                    StandardUsernamePasswordCredentials.class, "upload credentials");
            return HttpAuth.basic(user.getUsername(), Secret.of(user.getPassword().getPlainText()));
        }
        return HttpAuth.NONE;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
