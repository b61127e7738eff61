package io.gobuild.engine.publish;

import io.gobuild.engine.report.BuildInfo;

import java.nio.file.Path;
import java.util.List;

/** A target of the build reports with its binaries found (and checked) on this machine. */
record ReleaseTarget(String target, String goos, String goarch, String variant, List<Binary> binaries) {
    /** A binary and what the report says about it. */
    record Binary(String name, Path file, String sha256, BuildInfo buildInfo) {
    }
}
