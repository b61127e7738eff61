package io.gobuild.jenkins;

import hudson.Extension;
import hudson.model.Node;
import hudson.slaves.NodeProperty;
import hudson.slaves.NodePropertyDescriptor;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;

/**
 * Per agent: where gobuild keeps its cache home (Go's build and module caches, shared by every job
 * on the agent). Inside containers this must be a path the container mounts.
 */
public class GoBuildNodeProperty extends NodeProperty<Node> {
    private final String cacheDir;

    @DataBoundConstructor
    public GoBuildNodeProperty(String cacheDir) {
        this.cacheDir = cacheDir == null || cacheDir.isBlank() ? null : cacheDir.strip();
    }

    public String getCacheDir() {
        return cacheDir;
    }

    /** The node configuration's form. */
    @Extension
    @Symbol("gobuildCache")
    public static class DescriptorImpl extends NodePropertyDescriptor {
        @Override
        public String getDisplayName() {
            return "gobuild cache directory";
        }
    }
}
