package io.gobuild.engine.port;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.util.List;
import java.util.Map;

/**
 * The files of the module, output and cache directories, on whichever machine holds them. Paths are
 * absolute strings in that machine's syntax. Every method is one round trip; work over many files is
 * one call ({@link #inspect}) so that it runs where the files are.
 */
public interface FilePort {
    boolean exists(String path) throws IOException, InterruptedException;

    boolean isDirectory(String path) throws IOException, InterruptedException;

    byte[] read(String path) throws IOException, InterruptedException;

    /** The entries of a directory, sorted by name; empty when the directory does not exist. */
    List<FileEntry> list(String directory) throws IOException, InterruptedException;

    /** One file's entry, as its directory's listing gives it; null when there is no such file. */
    default FileEntry entry(String path) throws IOException, InterruptedException {
        String name = AgentPaths.name(path);
        return list(AgentPaths.parent(path)).stream().filter(e -> e.name().equals(name) && !e.directory()).findFirst().orElse(null);
    }

    /** Size, sha256 and which of the given strings occur, for each file, in one pass per file. */
    Map<String, FileFacts> inspect(List<String> paths, List<String> searchStrings)
            throws IOException, InterruptedException;

    /**
     * The sha256 of every regular file below a directory, keyed by its path relative to the
     * directory with `/` separators; empty when the directory does not exist.
     */
    Map<String, String> hashTree(String directory) throws IOException, InterruptedException;

    /**
     * A digest of the names, sizes and modification times of the given files and of the files
     * below the given directories whose names end with one of the suffixes (all files when there
     * are none; `.git` directories are not entered); a missing path counts as such. Cheap where
     * hashing the content would not be: it says whether anything was written since.
     */
    String fingerprint(List<String> paths, List<String> suffixes) throws IOException, InterruptedException;

    /**
     * Like {@link #fingerprint}, but of what the files say rather than when they were written: of a
     * Go file its {@link GoFileHeader header}, of any other its whole content. It reads the files,
     * so it is for when the cheap fingerprint changed: an edit inside a function leaves it as it was.
     */
    String contentFingerprint(List<String> paths, List<String> suffixes) throws IOException, InterruptedException;

    /**
     * Whether anything below a directory changed: a digest of every regular file's path, identity
     * (device and inode), size and modification time, with `.git` and the excluded directories not
     * entered, and the newest modification time seen. A missing directory has a stamp of its own.
     */
    TreeStamp stamp(String directory, List<String> excluded) throws IOException, InterruptedException;

    /** See {@link #stamp}. */
    record TreeStamp(String digest, long newestModifiedMillis) implements Serializable {
    }

    /** The sha256 of every file entry of a zip archive, keyed by entry name. */
    Map<String, String> hashZipEntries(String zipFile) throws IOException, InterruptedException;

    /** Copies a directory tree, leaving out the top-level entries named in excludes. */
    void copyTree(String from, String to, List<String> excludes) throws IOException, InterruptedException;

    /**
     * Reads a file where it is and returns only what the processor makes of it, so that a large
     * file (a gocachehash trace) never travels; the processor's class must be on both sides.
     */
    <T extends Serializable> T process(String path, FileProcessor<T> processor) throws IOException, InterruptedException;

    /**
     * {@link #process} for many files in one call (one round trip to an agent): a result per path,
     * null for a file that cannot be read.
     */
    default <T extends Serializable> Map<String, T> processEach(List<String> paths, FileProcessor<T> processor)
            throws IOException, InterruptedException {
        Map<String, T> results = new java.util.HashMap<>();
        for (String path : paths) {
            try {
                results.put(path, process(path, processor));
            } catch (IOException e) {
                results.put(path, null);
            }
        }
        return results;
    }

    /** Turns a file's content into a small result. */
    interface FileProcessor<T extends Serializable> extends Serializable {
        T process(InputStream content) throws IOException;
    }

    /** The number of files below a directory and their total size. */
    TreeSize treeSize(String directory) throws IOException, InterruptedException;

    /** A count of files and their bytes. */
    record TreeSize(long files, long bytes) implements Serializable {
    }

    /**
     * Deletes the least recently modified files below a directory until their total is at most
     * maxBytes, never touching a file modified at or after notBeforeMillis.
     *
     * @return what was deleted
     */
    TreeSize trimOldest(String directory, long maxBytes, long notBeforeMillis) throws IOException, InterruptedException;

    /** Writes to a temporary name beside the target and renames it into place. */
    void writeAtomically(String path, byte[] content) throws IOException, InterruptedException;

    /** Writes secret material (credentials, keys) readable by the owner only. */
    void writePrivate(String path, byte[] content) throws IOException, InterruptedException;

    /** Moves a file into place, replacing what is there, atomically where the file system can. */
    void move(String from, String to) throws IOException, InterruptedException;

    void copy(String from, String to) throws IOException, InterruptedException;

    /**
     * Gives a directory the named files of another that it lacks: hard links where the file system
     * allows (the files are only ever replaced, never written in place), copies elsewhere.
     *
     * @return how many files were added
     */
    int seed(String fromDirectory, String toDirectory, List<String> names) throws IOException, InterruptedException;

    /** Deletes a file or a whole directory tree; nothing happens when it does not exist. */
    void delete(String path) throws IOException, InterruptedException;

    void createDirectories(String path) throws IOException, InterruptedException;

    /** Creates a fresh, private directory under the parent (created if missing). */
    String createTempDirectory(String parent, String prefix) throws IOException, InterruptedException;

    /** Takes a lock on the file (created if missing), shared or exclusive, waiting for it. */
    Lock lock(String path, boolean shared) throws IOException, InterruptedException;

    /** A held lock. */
    interface Lock extends AutoCloseable {
        @Override
        void close() throws IOException;
    }
}
