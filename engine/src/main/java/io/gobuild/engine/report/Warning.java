package io.gobuild.engine.report;

/** Something the user should look at that did not fail the build. */
public record Warning(WarningKind kind, String target, String message) {
    /** What a warning is about. */
    public enum WarningKind {
        /** An ldflags -X value is not in the binary: the variable name is probably wrong. */
        LDFLAGS_STAMP_MISSING,
        /** A value from the caller's environment was replaced by gobuild's explicit one. */
        ENVIRONMENT_OVERRIDDEN,
        /** A main package is not built for a target: build constraints exclude all its files there. */
        PACKAGE_EXCLUDED,
        /** The build history of a module and target was damaged; that build counts as having none. */
        STATE_UNREADABLE,
        /** Rebuild causes or build-tag skips could not be worked out; the build itself stands. */
        ANALYSIS_UNAVAILABLE,
        /** The source revision could not be read. */
        SOURCE_UNKNOWN
    }
}
