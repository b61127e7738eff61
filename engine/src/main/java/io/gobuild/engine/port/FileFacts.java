package io.gobuild.engine.port;

import java.util.Set;

/** What one pass over a file tells: its size, its sha256 and which of the searched strings it holds. */
public record FileFacts(long size, String sha256, Set<String> foundStrings) implements java.io.Serializable {
    public FileFacts {
        foundStrings = Wire.set(foundStrings);
    }
}
