package io.gobuild.engine.publish;

import java.io.IOException;
import java.nio.file.Path;

/** Where a release goes. Every write is atomic: a reader sees a whole file or none. */
interface Destination {
    /** Files at most this large come back with their content (signatures, checksum files). */
    long SMALL = 1 << 20;

    /** The URL or path a file is published at, without credentials. */
    String location(String name);

    /** What is published under the name now, or null when nothing is. */
    Existing stat(String name) throws IOException, InterruptedException;

    /** Publishes the local file under the name, replacing what is there. */
    void put(String name, Path file, String sha256, long size) throws IOException, InterruptedException;

    /** A published file: its size and sha256, and its content when it is small. */
    record Existing(long size, String sha256, byte[] content) {
    }
}
