package io.gobuild.jenkins;

import hudson.Extension;
import io.gobuild.engine.step.BuildStepArguments;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

import java.util.ArrayList;
import java.util.List;

/**
 * `goBuild(targets: ['linux/amd64', 'windows/arm64'], ldflags: '-s -w')`: verifies the module,
 * cross-compiles its main packages for the targets with the agent's shared Go caches, and records
 * the report on the build page. Every argument is optional; the engine's request documents them.
 */
public class GoBuildStep extends GoModuleStep {
    private List<String> targets = new ArrayList<>();
    private List<String> exclude = new ArrayList<>();
    private List<String> packages = new ArrayList<>();
    private List<String> tags = new ArrayList<>();
    private Boolean trimpath;
    private Boolean cgo;
    private String ldflags;
    private String gcflags;
    private String out;
    private Integer parallel;
    private Boolean failFast;
    private Boolean verify;
    private String cacheMaxSize;
    private List<TargetOverrideSpec> overrides = new ArrayList<>();
    private String version;
    private String commit;
    private String buildvcs;
    private Boolean explain;
    private Boolean upToDateCheck;
    private boolean markUnstable;
    private boolean archive;

    @DataBoundConstructor
    public GoBuildStep() {
    }

    BuildStepArguments arguments() {
        return new BuildStepArguments(targets, exclude, packages, tags, trimpath, cgo, ldflags, gcflags, getEnv(), getModule(), out,
                parallel, failFast, verify, getStrict(), getTidy(), getCacheDir(), cacheMaxSize,
                overrides.stream().map(TargetOverrideSpec::toEngine).toList(), version, commit, getGoflags(), buildvcs, explain, getGo(),
                getGotoolchain(), upToDateCheck);
    }

    @Override
    public StepExecution start(StepContext context) {
        return new GoBuildExecution(context, arguments(), getCredentialsId(), getPrivateHosts(), markUnstable, false, archive);
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

    public Boolean getUpToDateCheck() {
        return upToDateCheck;
    }

    @DataBoundSetter
    public void setUpToDateCheck(Boolean upToDateCheck) {
        this.upToDateCheck = upToDateCheck;
    }

    public boolean isArchive() {
        return archive;
    }

    @DataBoundSetter
    public void setArchive(boolean archive) {
        this.archive = archive;
    }

    public boolean isMarkUnstable() {
        return markUnstable;
    }

    @DataBoundSetter
    public void setMarkUnstable(boolean markUnstable) {
        this.markUnstable = markUnstable;
    }

    /** goBuild. */
    @Extension
    public static class DescriptorImpl extends GoModuleStep.ModuleStepDescriptor {
        public DescriptorImpl() {
            super("targets", "exclude", "packages", "tags", "env", "privateHosts");
        }

        @Override
        public String getFunctionName() {
            return "goBuild";
        }

        @Override
        public String getDisplayName() {
            return "Build a Go module for a matrix of targets";
        }
    }
}
