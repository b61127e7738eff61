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

/**
 * `goBuild(targets: ['linux/amd64', 'windows/arm64'], ldflags: '-s -w')`: verifies the module,
 * cross-compiles its main packages for the targets with the agent's shared Go caches, and records
 * the report on the build page. Every argument is optional; the engine's request documents them.
 */
public class GoBuildStep extends Step {
    private List<String> targets = new ArrayList<>();
    private List<String> exclude = new ArrayList<>();
    private List<String> packages = new ArrayList<>();
    private List<String> tags = new ArrayList<>();
    private Boolean trimpath;
    private Boolean cgo;
    private String ldflags;
    private String gcflags;
    private List<String> env = new ArrayList<>();
    private String module;
    private String out;
    private Integer parallel;
    private Boolean failFast;
    private Boolean verify;
    private Boolean strict;
    private String tidy;
    private String cacheDir;
    private String cacheMaxSize;
    private List<TargetOverrideSpec> overrides = new ArrayList<>();
    private String version;
    private String commit;
    private String goflags;
    private String buildvcs;
    private Boolean explain;
    private String go;
    private String gotoolchain;
    private boolean markUnstable;
    private String credentialsId;
    private List<String> privateHosts = new ArrayList<>();

    @DataBoundConstructor
    public GoBuildStep() {
    }

    BuildStepArguments arguments() {
        return new BuildStepArguments(targets, exclude, packages, tags, trimpath, cgo, ldflags, gcflags, env, module, out, parallel,
                failFast, verify, strict, tidy, cacheDir, cacheMaxSize, overrides.stream().map(TargetOverrideSpec::toEngine).toList(),
                version, commit, goflags, buildvcs, explain, go, gotoolchain);
    }

    @Override
    public StepExecution start(StepContext context) {
        return new GoBuildExecution(context, arguments(), credentialsId, privateHosts, markUnstable, false);
    }

    public List<String> getTargets() {
        return targets;
    }

    @DataBoundSetter
    public void setTargets(List<String> targets) {
        this.targets = targets == null ? new ArrayList<>() : new ArrayList<>(targets);
    }

    public List<String> getExclude() {
        return exclude;
    }

    @DataBoundSetter
    public void setExclude(List<String> exclude) {
        this.exclude = exclude == null ? new ArrayList<>() : new ArrayList<>(exclude);
    }

    public List<String> getPackages() {
        return packages;
    }

    @DataBoundSetter
    public void setPackages(List<String> packages) {
        this.packages = packages == null ? new ArrayList<>() : new ArrayList<>(packages);
    }

    public List<String> getTags() {
        return tags;
    }

    @DataBoundSetter
    public void setTags(List<String> tags) {
        this.tags = tags == null ? new ArrayList<>() : new ArrayList<>(tags);
    }

    public Boolean getTrimpath() {
        return trimpath;
    }

    @DataBoundSetter
    public void setTrimpath(Boolean trimpath) {
        this.trimpath = trimpath;
    }

    public Boolean getCgo() {
        return cgo;
    }

    @DataBoundSetter
    public void setCgo(Boolean cgo) {
        this.cgo = cgo;
    }

    public String getLdflags() {
        return ldflags;
    }

    @DataBoundSetter
    public void setLdflags(String ldflags) {
        this.ldflags = ldflags;
    }

    public String getGcflags() {
        return gcflags;
    }

    @DataBoundSetter
    public void setGcflags(String gcflags) {
        this.gcflags = gcflags;
    }

    public List<String> getEnv() {
        return env;
    }

    @DataBoundSetter
    public void setEnv(List<String> env) {
        this.env = env == null ? new ArrayList<>() : new ArrayList<>(env);
    }

    public String getModule() {
        return module;
    }

    @DataBoundSetter
    public void setModule(String module) {
        this.module = module;
    }

    public String getOut() {
        return out;
    }

    @DataBoundSetter
    public void setOut(String out) {
        this.out = out;
    }

    public Integer getParallel() {
        return parallel;
    }

    @DataBoundSetter
    public void setParallel(Integer parallel) {
        this.parallel = parallel;
    }

    public Boolean getFailFast() {
        return failFast;
    }

    @DataBoundSetter
    public void setFailFast(Boolean failFast) {
        this.failFast = failFast;
    }

    public Boolean getVerify() {
        return verify;
    }

    @DataBoundSetter
    public void setVerify(Boolean verify) {
        this.verify = verify;
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

    public String getCacheMaxSize() {
        return cacheMaxSize;
    }

    @DataBoundSetter
    public void setCacheMaxSize(String cacheMaxSize) {
        this.cacheMaxSize = cacheMaxSize;
    }

    public List<TargetOverrideSpec> getOverrides() {
        return overrides;
    }

    @DataBoundSetter
    public void setOverrides(List<TargetOverrideSpec> overrides) {
        this.overrides = overrides == null ? new ArrayList<>() : new ArrayList<>(overrides);
    }

    public String getVersion() {
        return version;
    }

    @DataBoundSetter
    public void setVersion(String version) {
        this.version = version;
    }

    public String getCommit() {
        return commit;
    }

    @DataBoundSetter
    public void setCommit(String commit) {
        this.commit = commit;
    }

    public String getGoflags() {
        return goflags;
    }

    @DataBoundSetter
    public void setGoflags(String goflags) {
        this.goflags = goflags;
    }

    public String getBuildvcs() {
        return buildvcs;
    }

    @DataBoundSetter
    public void setBuildvcs(String buildvcs) {
        this.buildvcs = buildvcs;
    }

    public Boolean getExplain() {
        return explain;
    }

    @DataBoundSetter
    public void setExplain(Boolean explain) {
        this.explain = explain;
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

    public boolean isMarkUnstable() {
        return markUnstable;
    }

    @DataBoundSetter
    public void setMarkUnstable(boolean markUnstable) {
        this.markUnstable = markUnstable;
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

    /** goBuild. */
    @Extension
    public static class DescriptorImpl extends StepDescriptor {
        @Override
        public Set<? extends Class<?>> getRequiredContext() {
            return StepRuntime.REQUIRED_CONTEXT;
        }

        @Override
        public org.jenkinsci.plugins.workflow.steps.Step newInstance(org.kohsuke.stapler.StaplerRequest2 req, net.sf.json.JSONObject form)
                throws hudson.model.Descriptor.FormException {
            return super.newInstance(req, FormLists.normalize(form, "targets", "exclude", "packages", "tags", "env", "privateHosts"));
        }

        @Override
        public String getFunctionName() {
            return "goBuild";
        }

        @Override
        public String getDisplayName() {
            return "Build a Go module for a matrix of targets";
        }

        public hudson.util.ListBoxModel doFillCredentialsIdItems(@org.kohsuke.stapler.AncestorInPath hudson.model.Item item,
                                                                 @org.kohsuke.stapler.QueryParameter String credentialsId) {
            return Credentials.privateModuleItems(item, credentialsId);
        }
    }
}
