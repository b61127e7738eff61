package io.gobuild.engine.build;

import io.gobuild.engine.port.AgentPaths;

/**
 * gobuild's directory on an agent, shared by every workspace, job and branch built there: Go's
 * build and module caches, what gobuild remembers of earlier builds, and scratch space.
 */
public record CacheHome(String path) {
    public String goBuildCache() {
        return AgentPaths.join(path, "go-build");
    }

    public String goModCache() {
        return AgentPaths.join(path, "go-mod");
    }

    /** Per module and GOOS/GOARCH, the inputs of recent builds. */
    public String stateDir() {
        return AgentPaths.join(path, "state");
    }

    /** Per output directory, the persistent build directories and known artifacts. */
    public String outputsDir() {
        return AgentPaths.join(path, "outputs");
    }

    public String tempDir() {
        return AgentPaths.join(path, "tmp");
    }

    /** Held shared by running builds and exclusively by a trim of the build cache. */
    public String cacheLock() {
        return AgentPaths.join(path, "go-build.lock");
    }
}
