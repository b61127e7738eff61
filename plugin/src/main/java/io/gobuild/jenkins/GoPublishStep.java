package io.gobuild.jenkins;

import com.cloudbees.plugins.credentials.CredentialsMatchers;
import com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials;
import hudson.Extension;
import hudson.model.Item;
import hudson.util.ListBoxModel;
import io.gobuild.engine.step.PublishStepArguments;
import org.jenkinsci.plugins.plaincredentials.FileCredentials;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * `goPublish(to: 'https://repo.example.com/generic/app/', signingKeyId: 'release-key',
 * passphraseId: 'release-key-passphrase', credentialsId: 'repo')`: packages, checksums, signs,
 * records provenance and uploads what goBuild calls produced; archives and fingerprints the release.
 */
public class GoPublishStep extends Step {
    private final String to;
    private List<String> from = new ArrayList<>();
    private String format;
    private List<String> include = new ArrayList<>();
    private String nameTemplate;
    private String checksumTemplate;
    private boolean signArtifacts;
    private Boolean provenance;
    private boolean overwrite;
    private String staging;
    private String report;
    private Integer retries;
    private String signingKeyId;
    private String passphraseId;
    private String cosignKeyId;
    private String cosignPassphraseId;
    private String credentialsId;
    private String tokenId;
    private boolean archive = true;

    @DataBoundConstructor
    public GoPublishStep(String to) {
        this.to = to;
    }

    PublishStepArguments arguments() {
        return new PublishStepArguments(from, to, format, include, nameTemplate, checksumTemplate, signArtifacts, provenance, overwrite,
                staging, report, retries);
    }

    @Override
    public StepExecution start(StepContext context) {
        return new GoPublishExecution(context, this);
    }

    public String getTo() {
        return to;
    }

    public List<String> getFrom() {
        return from;
    }

    @DataBoundSetter
    public void setFrom(List<String> from) {
        this.from = from == null ? new ArrayList<>() : new ArrayList<>(from);
    }

    public String getFormat() {
        return format;
    }

    @DataBoundSetter
    public void setFormat(String format) {
        this.format = format;
    }

    public List<String> getInclude() {
        return include;
    }

    @DataBoundSetter
    public void setInclude(List<String> include) {
        this.include = include == null ? new ArrayList<>() : new ArrayList<>(include);
    }

    public String getNameTemplate() {
        return nameTemplate;
    }

    @DataBoundSetter
    public void setNameTemplate(String nameTemplate) {
        this.nameTemplate = nameTemplate;
    }

    public String getChecksumTemplate() {
        return checksumTemplate;
    }

    @DataBoundSetter
    public void setChecksumTemplate(String checksumTemplate) {
        this.checksumTemplate = checksumTemplate;
    }

    public boolean isSignArtifacts() {
        return signArtifacts;
    }

    @DataBoundSetter
    public void setSignArtifacts(boolean signArtifacts) {
        this.signArtifacts = signArtifacts;
    }

    public Boolean getProvenance() {
        return provenance;
    }

    @DataBoundSetter
    public void setProvenance(Boolean provenance) {
        this.provenance = provenance;
    }

    public boolean isOverwrite() {
        return overwrite;
    }

    @DataBoundSetter
    public void setOverwrite(boolean overwrite) {
        this.overwrite = overwrite;
    }

    public String getStaging() {
        return staging;
    }

    @DataBoundSetter
    public void setStaging(String staging) {
        this.staging = staging;
    }

    public String getReport() {
        return report;
    }

    @DataBoundSetter
    public void setReport(String report) {
        this.report = report;
    }

    public Integer getRetries() {
        return retries;
    }

    @DataBoundSetter
    public void setRetries(Integer retries) {
        this.retries = retries;
    }

    public String getSigningKeyId() {
        return signingKeyId;
    }

    @DataBoundSetter
    public void setSigningKeyId(String signingKeyId) {
        this.signingKeyId = signingKeyId;
    }

    public String getPassphraseId() {
        return passphraseId;
    }

    @DataBoundSetter
    public void setPassphraseId(String passphraseId) {
        this.passphraseId = passphraseId;
    }

    public String getCosignKeyId() {
        return cosignKeyId;
    }

    @DataBoundSetter
    public void setCosignKeyId(String cosignKeyId) {
        this.cosignKeyId = cosignKeyId;
    }

    public String getCosignPassphraseId() {
        return cosignPassphraseId;
    }

    @DataBoundSetter
    public void setCosignPassphraseId(String cosignPassphraseId) {
        this.cosignPassphraseId = cosignPassphraseId;
    }

    public String getCredentialsId() {
        return credentialsId;
    }

    @DataBoundSetter
    public void setCredentialsId(String credentialsId) {
        this.credentialsId = credentialsId;
    }

    public String getTokenId() {
        return tokenId;
    }

    @DataBoundSetter
    public void setTokenId(String tokenId) {
        this.tokenId = tokenId;
    }

    public boolean isArchive() {
        return archive;
    }

    @DataBoundSetter
    public void setArchive(boolean archive) {
        this.archive = archive;
    }

    /** goPublish. */
    @Extension
    public static class DescriptorImpl extends StepDescriptor {
        @Override
        public Set<? extends Class<?>> getRequiredContext() {
            return StepRuntime.REQUIRED_CONTEXT;
        }

        @Override
        public org.jenkinsci.plugins.workflow.steps.Step newInstance(org.kohsuke.stapler.StaplerRequest2 req, net.sf.json.JSONObject form)
                throws hudson.model.Descriptor.FormException {
            return super.newInstance(req, FormLists.normalize(form, "from", "include"));
        }

        @Override
        public String getFunctionName() {
            return "goPublish";
        }

        @Override
        public String getDisplayName() {
            return "Package, sign and publish a Go release";
        }

        public ListBoxModel doFillSigningKeyIdItems(@AncestorInPath Item item, @QueryParameter String signingKeyId) {
            return Credentials.items(item, signingKeyId, CredentialsMatchers.instanceOf(FileCredentials.class));
        }

        public ListBoxModel doFillCosignKeyIdItems(@AncestorInPath Item item, @QueryParameter String cosignKeyId) {
            return Credentials.items(item, cosignKeyId, CredentialsMatchers.instanceOf(FileCredentials.class));
        }

        public ListBoxModel doFillPassphraseIdItems(@AncestorInPath Item item, @QueryParameter String passphraseId) {
            return Credentials.items(item, passphraseId, CredentialsMatchers.instanceOf(StringCredentials.class));
        }

        public ListBoxModel doFillCosignPassphraseIdItems(@AncestorInPath Item item, @QueryParameter String cosignPassphraseId) {
            return Credentials.items(item, cosignPassphraseId, CredentialsMatchers.instanceOf(StringCredentials.class));
        }

        public ListBoxModel doFillTokenIdItems(@AncestorInPath Item item, @QueryParameter String tokenId) {
            return Credentials.items(item, tokenId, CredentialsMatchers.instanceOf(StringCredentials.class));
        }

        public ListBoxModel doFillCredentialsIdItems(@AncestorInPath Item item, @QueryParameter String credentialsId) {
            return Credentials.items(item, credentialsId, CredentialsMatchers.instanceOf(StandardUsernamePasswordCredentials.class));
        }
    }
}
