package io.gobuild.engine.port;

/**
 * One entry of a directory listing. identity names the file itself, not its content or times: the
 * device and inode where the file system has them, so that a file merely touched keeps its
 * identity and one rewritten gets a new one.
 */
public record FileEntry(String name, boolean directory, long size, long lastModifiedMillis, String identity)
        implements java.io.Serializable {
    /** What identity is made of where the file system names no file (no inode): the time alone. */
    public static final String TIME_ONLY = "mtime=";

    /** Whether identity names the file itself, not only its time. */
    public boolean identifiesFile() {
        return identity != null && !identity.startsWith(TIME_ONLY);
    }
}
