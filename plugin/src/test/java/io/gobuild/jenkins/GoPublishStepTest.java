package io.gobuild.jenkins;

import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.SecretBytes;
import com.cloudbees.plugins.credentials.SystemCredentialsProvider;
import hudson.EnvVars;
import hudson.model.Label;
import hudson.slaves.DumbSlave;
import hudson.util.Secret;
import io.gobuild.engine.support.Gpg;
import org.jenkinsci.plugins.plaincredentials.impl.FileCredentialsImpl;
import org.jenkinsci.plugins.plaincredentials.impl.StringCredentialsImpl;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

@WithJenkins
class GoPublishStepTest {
    private static final String PASSPHRASE = "jenkins-release-passphrase-31";
    @TempDir
    Path temp;

    @Test
    void goPublishSignsWithCredentialsKeepsSecretsOutOfTheLogAndArchivesTheRelease(JenkinsRule r) throws Exception {
        GoSteps.requireGo();
        DumbSlave agent = r.createOnlineSlave(Label.get("go"), new EnvVars("GOPROXY", "off", "GOTELEMETRY", "off"));
        Gpg gpg = new Gpg(temp.resolve("gnupg"));
        String fingerprint = gpg.generate("Jenkins Release <ci@example.com>", PASSPHRASE, "never");
        var store = SystemCredentialsProvider.getInstance().getCredentials();
        store.add(new FileCredentialsImpl(CredentialsScope.GLOBAL, "release-key", "release key", "key.asc",
                SecretBytes.fromRawBytes(gpg.exportSecret(fingerprint, PASSPHRASE))));
        store.add(new StringCredentialsImpl(CredentialsScope.GLOBAL, "release-passphrase", "passphrase", Secret.fromString(PASSPHRASE)));
        SystemCredentialsProvider.getInstance().save();

        WorkflowJob job = r.jenkins.createProject(WorkflowJob.class, "release");
        job.setDefinition(new CpsFlowDefinition("node('go') {\n" + GoSteps.writeModule("1.21")
                + "goBuild(targets: ['linux/amd64', 'windows/amd64'], version: '2.0.0', cacheDir: '" + GoSteps.cacheDir() + "')\n"
                + "def published = goPublish(to: 'release', signingKeyId: 'release-key', passphraseId: 'release-passphrase')\n"
                + "echo \"published ${published.published.size()} files: ${published.status}\"\n}", true));
        WorkflowRun run = r.buildAndAssertSuccess(job);

        r.assertLogContains("published 5 files: SUCCESS", run);
        r.assertLogNotContains(PASSPHRASE, run);
        Path release = Path.of(agent.getWorkspaceFor(job).child("release").getRemote());
        Gpg.Result verified = gpg.verify(release.resolve("app_2.0.0_checksums.txt.asc"), release.resolve("app_2.0.0_checksums.txt"));
        assertThat(verified.exitCode()).as(verified.output()).isZero();
        assertThat(run.getArtifacts()).extracting(a -> a.getFileName()).contains("app_2.0.0_linux_amd64.tar.gz",
                "app_2.0.0_checksums.txt.asc", "publish-report.html");
        assertThat(run.getAction(GoBuildReportAction.class).getTotal().signatures()).isEqualTo(1);
        assertThat(agent.getWorkspaceFor(job).sibling(agent.getWorkspaceFor(job).getName() + "@tmp").list("**/signing-key.asc")).isEmpty();
    }
}
