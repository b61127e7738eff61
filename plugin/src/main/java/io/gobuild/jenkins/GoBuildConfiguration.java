package io.gobuild.jenkins;

import hudson.Extension;
import hudson.ExtensionList;
import jenkins.model.GlobalConfiguration;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundSetter;

/** Global settings: whether the steps may run on the built-in node (off: they would write into the controller's files). */
@Extension
@Symbol("gobuild")
public class GoBuildConfiguration extends GlobalConfiguration {
    private boolean allowBuiltInNode;

    public GoBuildConfiguration() {
        load();
    }

    public static GoBuildConfiguration get() {
        return ExtensionList.lookupSingleton(GoBuildConfiguration.class);
    }

    public boolean isAllowBuiltInNode() {
        return allowBuiltInNode;
    }

    @DataBoundSetter
    public void setAllowBuiltInNode(boolean allowBuiltInNode) {
        this.allowBuiltInNode = allowBuiltInNode;
        save();
    }
}
