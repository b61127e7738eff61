package io.gobuild.engine.report;

import java.util.List;

/** Something about the whole matrix: a file no target compiles, a package empty for a target, contradicting constraint lines. */
public record Finding(FindingKind kind, String packagePath, String file, String message, List<String> targets) {
    public Finding {
        targets = targets == null ? List.of() : List.copyOf(targets);
    }

    /** What a finding is about. */
    public enum FindingKind {
        /** No target of the matrix compiles the file. */
        FILE_IN_NO_TARGET,
        /** Build constraints exclude every file of the package for a target. */
        PACKAGE_EMPTY_FOR_TARGET,
        /** A file's //go:build line and its // +build lines disagree for a target. */
        BUILD_LINES_DISAGREE
    }
}
