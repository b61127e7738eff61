package io.gobuild.engine.report;

/** Why a package was compiled (or a binary linked) instead of served from the build cache. */
public enum RebuildKind {
    /** The first build of this module and target on this agent, or a package not built here before. */
    NO_HISTORY,
    /** Files of the package changed, were added or removed: named. */
    SOURCE_CHANGED,
    /** Only the content of a dependency changed. */
    DEPENDENCY_CHANGED,
    /** The absolute directory changed because -trimpath is off. */
    WORKSPACE_PATH_CHANGED,
    /** Another Go version or compiler. */
    TOOLCHAIN_CHANGED,
    /** gcflags, asmflags, ldflags, -trimpath, build mode. */
    FLAGS_CHANGED,
    /** CGO settings, GOAMD64 and the other variant variables, GOEXPERIMENT, the C compiler. */
    ENV_CHANGED,
    /** go.mod's go line (and the GODEBUG defaults it implies). */
    GO_LINE_CHANGED,
    /** A dependency module's version changed. */
    MODULE_CHANGED,
    /** A main package's embedded build information: VCS revision, time or modified flag, versions, ldflags stamps. */
    BUILD_INFO_CHANGED,
    /** Inputs unchanged, but the build cache no longer had the result. */
    CACHE_EVICTED
}
