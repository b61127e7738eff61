package io.gobuild.jenkins;

import hudson.Extension;
import hudson.model.AbstractDescribableImpl;
import hudson.model.Descriptor;
import io.gobuild.engine.request.TargetOverride;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

import java.util.ArrayList;
import java.util.List;

/** `override(target: 'windows/*', ldflags: '-H windowsgui')`: settings for the targets a pattern matches. */
public class TargetOverrideSpec extends AbstractDescribableImpl<TargetOverrideSpec> {
    private final String target;
    private String ldflags;
    private List<String> tags = new ArrayList<>();
    private List<String> env = new ArrayList<>();
    private Boolean cgo;

    @DataBoundConstructor
    public TargetOverrideSpec(String target) {
        this.target = target;
    }

    public String getTarget() {
        return target;
    }

    public String getLdflags() {
        return ldflags;
    }

    @DataBoundSetter
    public void setLdflags(String ldflags) {
        this.ldflags = ldflags;
    }

    public List<String> getTags() {
        return tags;
    }

    @DataBoundSetter
    public void setTags(List<String> tags) {
        this.tags = tags == null ? new ArrayList<>() : new ArrayList<>(tags);
    }

    public List<String> getEnv() {
        return env;
    }

    @DataBoundSetter
    public void setEnv(List<String> env) {
        this.env = env == null ? new ArrayList<>() : new ArrayList<>(env);
    }

    public Boolean getCgo() {
        return cgo;
    }

    @DataBoundSetter
    public void setCgo(Boolean cgo) {
        this.cgo = cgo;
    }

    TargetOverride toEngine() {
        return new TargetOverride(target, ldflags, tags, env, cgo);
    }

    /** The snippet generator's form for an override. */
    @Extension
    @Symbol("override")
    public static class DescriptorImpl extends Descriptor<TargetOverrideSpec> {
        @Override
        public String getDisplayName() {
            return "Per-target override";
        }

        @Override
        public TargetOverrideSpec newInstance(org.kohsuke.stapler.StaplerRequest2 req, net.sf.json.JSONObject form) throws FormException {
            return super.newInstance(req, FormLists.normalize(form, "tags", "env"));
        }
    }
}
