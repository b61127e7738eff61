package io.gobuild.jenkins;

import hudson.Extension;
import io.gobuild.engine.step.BuildStepArguments;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** `goVerify(strict: true)`: module verification alone; FAIL fails the step, and WARN too with strict. */
public class GoVerifyStep extends Step {
    private String module;
    private boolean strict;
    private String tidy;
    private String goflags;
    private List<String> env = new ArrayList<>();
    private String go;
    private String gotoolchain;
    private String cacheDir;
    private String credentialsId;
    private List<String> privateHosts = new ArrayList<>();

    @DataBoundConstructor
    public GoVerifyStep() {
    }

    BuildStepArguments arguments() {
        return new BuildStepArguments(null, null, null, null, null, null, null, null, env, module, null, null, null, true, strict, tidy,
                cacheDir, null, null, null, null, goflags, null, null, go, gotoolchain);
    }

    @Override
    public StepExecution start(StepContext context) {
        return new GoBuildExecution(context, arguments(), credentialsId, privateHosts, false, true);
    }

    public String getModule() {
        return module;
    }

    @DataBoundSetter
    public void setModule(String module) {
        this.module = module;
    }

    public boolean isStrict() {
        return strict;
    }

    @DataBoundSetter
    public void setStrict(boolean strict) {
        this.strict = strict;
    }

    public String getTidy() {
        return tidy;
    }

    @DataBoundSetter
    public void setTidy(String tidy) {
        this.tidy = tidy;
    }

    public String getGoflags() {
        return goflags;
    }

    @DataBoundSetter
    public void setGoflags(String goflags) {
        this.goflags = goflags;
    }

    public List<String> getEnv() {
        return env;
    }

    @DataBoundSetter
    public void setEnv(List<String> env) {
        this.env = env == null ? new ArrayList<>() : new ArrayList<>(env);
    }

    public String getGo() {
        return go;
    }

    @DataBoundSetter
    public void setGo(String go) {
        this.go = go;
    }

    public String getGotoolchain() {
        return gotoolchain;
    }

    @DataBoundSetter
    public void setGotoolchain(String gotoolchain) {
        this.gotoolchain = gotoolchain;
    }

    public String getCacheDir() {
        return cacheDir;
    }

    @DataBoundSetter
    public void setCacheDir(String cacheDir) {
        this.cacheDir = cacheDir;
    }

    public String getCredentialsId() {
        return credentialsId;
    }

    @DataBoundSetter
    public void setCredentialsId(String credentialsId) {
        this.credentialsId = credentialsId;
    }

    public List<String> getPrivateHosts() {
        return privateHosts;
    }

    @DataBoundSetter
    public void setPrivateHosts(List<String> privateHosts) {
        this.privateHosts = privateHosts == null ? new ArrayList<>() : new ArrayList<>(privateHosts);
    }

    /** goVerify. */
    @Extension
    public static class DescriptorImpl extends StepDescriptor {
        @Override
        public Set<? extends Class<?>> getRequiredContext() {
            return StepRuntime.REQUIRED_CONTEXT;
        }

        @Override
        public org.jenkinsci.plugins.workflow.steps.Step newInstance(org.kohsuke.stapler.StaplerRequest2 req, net.sf.json.JSONObject form)
                throws hudson.model.Descriptor.FormException {
            return super.newInstance(req, FormLists.normalize(form, "env", "privateHosts"));
        }

        @Override
        public String getFunctionName() {
            return "goVerify";
        }

        @Override
        public String getDisplayName() {
            return "Verify a Go module's dependencies";
        }

        public hudson.util.ListBoxModel doFillCredentialsIdItems(@org.kohsuke.stapler.AncestorInPath hudson.model.Item item,
                                                                 @org.kohsuke.stapler.QueryParameter String credentialsId) {
            return Credentials.privateModuleItems(item, credentialsId);
        }
    }
}
