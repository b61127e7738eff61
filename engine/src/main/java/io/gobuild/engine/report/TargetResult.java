package io.gobuild.engine.report;

import java.util.List;

/**
 * How one target built: its status, how long it took, its errors and its artifacts, with the
 * settings it was built with after overrides (ldflags rendered, secrets masked).
 */
public record TargetResult(String target, String goos, String goarch, String variant, TargetStatus status,
                           Integer exitCode, long durationMs, long startOffsetMs, String ldflags, List<String> tags,
                           Boolean cgo, List<CompileError> errors, List<Artifact> artifacts, Rebuilds rebuilds,
                           List<SkippedFile> skippedFiles) {
    public TargetResult {
        tags = tags == null ? List.of() : List.copyOf(tags);
        errors = errors == null ? List.of() : List.copyOf(errors);
        artifacts = artifacts == null ? List.of() : List.copyOf(artifacts);
        skippedFiles = skippedFiles == null ? List.of() : List.copyOf(skippedFiles);
    }

    public TargetResult withRebuilds(Rebuilds explained) {
        return new TargetResult(target, goos, goarch, variant, status, exitCode, durationMs, startOffsetMs, ldflags, tags, cgo,
                errors, artifacts, explained, skippedFiles);
    }

    public TargetResult withSkippedFiles(List<SkippedFile> skipped) {
        return new TargetResult(target, goos, goarch, variant, status, exitCode, durationMs, startOffsetMs, ldflags, tags, cgo,
                errors, artifacts, rebuilds, skipped);
    }
}
