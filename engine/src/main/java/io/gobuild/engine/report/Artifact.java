package io.gobuild.engine.report;

/** One binary a target produced: where it is (relative to the output directory), what it is. */
public record Artifact(String path, String packagePath, String binary, long size, String sha256, BuildInfo buildInfo) {
}
