package io.gobuild.engine.report;

import java.util.List;

/**
 * How one target built: its status, how long it took, its errors and its artifacts, with the
 * settings it was built with after overrides (ldflags rendered, secrets masked). upToDate is true
 * when go was not run because the target's outputs were already what it would build (the result
 * is then the last build's, with nothing compiled or linked), and null when go ran.
 */
public record TargetResult(String target, String goos, String goarch, String variant, TargetStatus status,
                           Integer exitCode, long durationMs, long startOffsetMs, String ldflags, List<String> tags,
                           Boolean cgo, List<CompileError> errors, List<Artifact> artifacts, Rebuilds rebuilds,
                           List<SkippedFile> skippedFiles, Boolean upToDate) {
    public TargetResult(String target, String goos, String goarch, String variant, TargetStatus status, Integer exitCode,
                        long durationMs, long startOffsetMs, String ldflags, List<String> tags, Boolean cgo,
                        List<CompileError> errors, List<Artifact> artifacts, Rebuilds rebuilds, List<SkippedFile> skippedFiles) {
        this(target, goos, goarch, variant, status, exitCode, durationMs, startOffsetMs, ldflags, tags, cgo, errors, artifacts,
                rebuilds, skippedFiles, null);
    }

    @com.fasterxml.jackson.annotation.JsonCreator
    public TargetResult {
        tags = tags == null ? List.of() : List.copyOf(tags);
        errors = errors == null ? List.of() : List.copyOf(errors);
        artifacts = artifacts == null ? List.of() : List.copyOf(artifacts);
        skippedFiles = skippedFiles == null ? List.of() : List.copyOf(skippedFiles);
    }

    public TargetResult withRebuilds(Rebuilds explained) {
        return new TargetResult(target, goos, goarch, variant, status, exitCode, durationMs, startOffsetMs, ldflags, tags, cgo,
                errors, artifacts, explained, skippedFiles, upToDate);
    }

    public TargetResult withSkippedFiles(List<SkippedFile> skipped) {
        return new TargetResult(target, goos, goarch, variant, status, exitCode, durationMs, startOffsetMs, ldflags, tags, cgo,
                errors, artifacts, rebuilds, skipped, upToDate);
    }

    /** This result again for a run that found the outputs up to date: its timing, nothing compiled or linked. */
    public TargetResult upToDate(long duration, long startOffset) {
        Rebuilds none = rebuilds == null ? null
                : new Rebuilds(0, rebuilds.compiled() + rebuilds.reused(), 1.0, 0, List.of(), List.of());
        return new TargetResult(target, goos, goarch, variant, status, exitCode, duration, startOffset, ldflags, tags, cgo,
                errors, artifacts, none, skippedFiles, true);
    }
}
