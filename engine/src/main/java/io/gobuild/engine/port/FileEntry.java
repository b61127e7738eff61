package io.gobuild.engine.port;

/** One entry of a directory listing. */
public record FileEntry(String name, boolean directory, long size, long lastModifiedMillis) {
}
