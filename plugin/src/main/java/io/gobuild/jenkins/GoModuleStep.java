package io.gobuild.jenkins;

import hudson.model.Descriptor;
import hudson.model.Item;
import hudson.util.ListBoxModel;
import net.sf.json.JSONObject;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.StaplerRequest2;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** What goBuild and goVerify share: the module, the Go and its environment, the cache, private modules. */
public abstract class GoModuleStep extends Step {
    private String module;
    private List<String> env = new ArrayList<>();
    private Boolean strict;
    private String tidy;
    private String cacheDir;
    private String goflags;
    private String go;
    private String gotoolchain;
    private String credentialsId;
    private List<String> privateHosts = new ArrayList<>();

    public String getModule() {
        return module;
    }

    @DataBoundSetter
    public void setModule(String module) {
        this.module = module;
    }

    public List<String> getEnv() {
        return env;
    }

    @DataBoundSetter
    public void setEnv(List<String> env) {
        this.env = env == null ? new ArrayList<>() : new ArrayList<>(env);
    }

    public Boolean getStrict() {
        return strict;
    }

    @DataBoundSetter
    public void setStrict(Boolean strict) {
        this.strict = strict;
    }

    public String getTidy() {
        return tidy;
    }

    @DataBoundSetter
    public void setTidy(String tidy) {
        this.tidy = tidy;
    }

    public String getCacheDir() {
        return cacheDir;
    }

    @DataBoundSetter
    public void setCacheDir(String cacheDir) {
        this.cacheDir = cacheDir;
    }

    public String getGoflags() {
        return goflags;
    }

    @DataBoundSetter
    public void setGoflags(String goflags) {
        this.goflags = goflags;
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

    /** The descriptors' shared part: the context they need, list fields from forms, credential choices. */
    public abstract static class ModuleStepDescriptor extends StepDescriptor {
        private final String[] listFields;

        protected ModuleStepDescriptor(String... listFields) {
            this.listFields = listFields.clone();
        }

        @Override
        public Set<? extends Class<?>> getRequiredContext() {
            return StepRuntime.REQUIRED_CONTEXT;
        }

        @Override
        public Step newInstance(StaplerRequest2 req, JSONObject form) throws Descriptor.FormException {
            return super.newInstance(req, FormLists.normalize(form, listFields));
        }

        public ListBoxModel doFillCredentialsIdItems(@AncestorInPath Item item, @QueryParameter String credentialsId) {
            return Credentials.privateModuleItems(item, credentialsId);
        }
    }
}
