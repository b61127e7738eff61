package io.gobuild.engine.publish;

import io.gobuild.engine.report.PublishReport.Role;

import java.nio.file.Path;

/**
 * One file of the release, staged locally.
 *
 * @param target the target an archive or binary is for; null for release-wide files
 * @param signs  for a signature, the release file it signs
 */
record ReleaseFile(String name, Path file, Role role, String target, long size, String sha256, String signs) {
}
