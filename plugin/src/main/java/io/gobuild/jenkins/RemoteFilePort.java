package io.gobuild.jenkins;

import hudson.remoting.VirtualChannel;
import io.gobuild.engine.local.LocalFilePort;
import io.gobuild.engine.port.FileEntry;
import io.gobuild.engine.port.FileFacts;
import io.gobuild.engine.port.FilePort;
import jenkins.security.MasterToSlaveCallable;

import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The engine's file port on an agent: every call is one callable that runs the engine's own
 * local file port where the files are, so work over many files (hashing artifacts, reading a
 * gocachehash trace) happens on the agent and only its small result travels.
 */
final class RemoteFilePort implements FilePort {
    private final VirtualChannel channel;

    RemoteFilePort(VirtualChannel channel) {
        this.channel = channel;
    }

    /** What to do with the agent's local file port; instances travel to the agent. */
    @FunctionalInterface
    interface Action<T> extends Serializable {
        T apply(FilePort local) throws IOException, InterruptedException;
    }

    /** Runs one action on the agent. A static class: it must not drag the controller-side port along. */
    static final class Op<T> extends MasterToSlaveCallable<T, IOException> {
        private static final long serialVersionUID = 1L;
        private final Action<T> action;

        Op(Action<T> action) {
            this.action = action;
        }

        @Override
        public T call() throws IOException {
            try {
                return action.apply(new LocalFilePort());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted on the agent", e);
            }
        }
    }

    private <T> T on(Action<T> action) throws IOException, InterruptedException {
        return channel.call(new Op<>(action));
    }

    @Override
    public boolean exists(String path) throws IOException, InterruptedException {
        return on(new Exists(path));
    }

    @Override
    public boolean isDirectory(String path) throws IOException, InterruptedException {
        return on(new IsDirectory(path));
    }

    @Override
    public byte[] read(String path) throws IOException, InterruptedException {
        return on(new Read(path));
    }

    @Override
    public List<FileEntry> list(String directory) throws IOException, InterruptedException {
        return on(new ListDirectory(directory));
    }

    @Override
    public Map<String, FileFacts> inspect(List<String> paths, List<String> searchStrings) throws IOException, InterruptedException {
        return on(new Inspect(new ArrayList<>(paths), new ArrayList<>(searchStrings)));
    }

    @Override
    public Map<String, String> hashTree(String directory) throws IOException, InterruptedException {
        return on(new HashTree(directory));
    }

    @Override
    public String fingerprint(List<String> paths, List<String> suffixes) throws IOException, InterruptedException {
        return on(new Fingerprint(new ArrayList<>(paths), new ArrayList<>(suffixes)));
    }

    @Override
    public String contentFingerprint(List<String> paths, List<String> suffixes) throws IOException, InterruptedException {
        return on(new ContentFingerprint(new ArrayList<>(paths), new ArrayList<>(suffixes)));
    }

    @Override
    public TreeStamp stamp(String directory, List<String> excluded) throws IOException, InterruptedException {
        return on(new Stamp(directory, new ArrayList<>(excluded)));
    }

    @Override
    public Map<String, String> hashZipEntries(String zipFile) throws IOException, InterruptedException {
        return on(new HashZip(zipFile));
    }

    @Override
    public void copyTree(String from, String to, List<String> excludes) throws IOException, InterruptedException {
        on(new CopyTree(from, to, new ArrayList<>(excludes)));
    }

    @Override
    public <T extends Serializable> T process(String path, FileProcessor<T> processor) throws IOException, InterruptedException {
        return on(new ProcessFile<>(path, processor));
    }

    @Override
    public <T extends Serializable> Map<String, T> processEach(List<String> paths, FileProcessor<T> processor)
            throws IOException, InterruptedException {
        return on(new ProcessEach<>(new ArrayList<>(paths), processor));
    }

    @Override
    public TreeSize treeSize(String directory) throws IOException, InterruptedException {
        return on(new Size(directory));
    }

    @Override
    public TreeSize trimOldest(String directory, long maxBytes, long notBeforeMillis) throws IOException, InterruptedException {
        return on(new Trim(directory, maxBytes, notBeforeMillis));
    }

    @Override
    public void writeAtomically(String path, byte[] content) throws IOException, InterruptedException {
        on(new Write(path, content, false));
    }

    @Override
    public void writePrivate(String path, byte[] content) throws IOException, InterruptedException {
        on(new Write(path, content, true));
    }

    @Override
    public void move(String from, String to) throws IOException, InterruptedException {
        on(new Move(from, to, false));
    }

    @Override
    public void copy(String from, String to) throws IOException, InterruptedException {
        on(new Move(from, to, true));
    }

    @Override
    public int seed(String fromDirectory, String toDirectory, List<String> names) throws IOException, InterruptedException {
        return on(new Seed(fromDirectory, toDirectory, new ArrayList<>(names)));
    }

    @Override
    public void delete(String path) throws IOException, InterruptedException {
        on(new Delete(path));
    }

    @Override
    public void createDirectories(String path) throws IOException, InterruptedException {
        on(new MakeDirectories(path));
    }

    @Override
    public String createTempDirectory(String parent, String prefix) throws IOException, InterruptedException {
        return on(new TempDirectory(parent, prefix));
    }

    /**
     * Locks live in the agent's JVM across calls: acquiring one leaves it in a table there under
     * an id, and closing it releases it by that id.
     */
    @Override
    public Lock lock(String path, boolean shared) throws IOException, InterruptedException {
        String id = on(new Acquire(path, shared));
        return () -> {
            try {
                on(new Release(id));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while releasing the lock on " + path, e);
            }
        };
    }

    /** The locks this agent holds for engine runs on the controller. */
    static final Map<String, Lock> HELD = new ConcurrentHashMap<>();

    record Exists(String path) implements Action<Boolean> {
        @Override
        public Boolean apply(FilePort local) throws IOException, InterruptedException {
            return local.exists(path);
        }
    }

    record IsDirectory(String path) implements Action<Boolean> {
        @Override
        public Boolean apply(FilePort local) throws IOException, InterruptedException {
            return local.isDirectory(path);
        }
    }

    record Read(String path) implements Action<byte[]> {
        @Override
        public byte[] apply(FilePort local) throws IOException, InterruptedException {
            return local.read(path);
        }
    }

    record ListDirectory(String directory) implements Action<List<FileEntry>> {
        @Override
        public List<FileEntry> apply(FilePort local) throws IOException, InterruptedException {
            return new ArrayList<>(local.list(directory));
        }
    }

    record Inspect(ArrayList<String> paths, ArrayList<String> searchStrings) implements Action<Map<String, FileFacts>> {
        @Override
        public Map<String, FileFacts> apply(FilePort local) throws IOException, InterruptedException {
            return new LinkedHashMap<>(local.inspect(paths, searchStrings));
        }
    }

    record HashTree(String directory) implements Action<Map<String, String>> {
        @Override
        public Map<String, String> apply(FilePort local) throws IOException, InterruptedException {
            return new TreeMap<>(local.hashTree(directory));
        }
    }

    record Fingerprint(ArrayList<String> paths, ArrayList<String> suffixes) implements Action<String> {
        @Override
        public String apply(FilePort local) throws IOException, InterruptedException {
            return local.fingerprint(paths, suffixes);
        }
    }

    record ContentFingerprint(ArrayList<String> paths, ArrayList<String> suffixes) implements Action<String> {
        @Override
        public String apply(FilePort local) throws IOException, InterruptedException {
            return local.contentFingerprint(paths, suffixes);
        }
    }

    record Stamp(String directory, ArrayList<String> excluded) implements Action<TreeStamp> {
        @Override
        public TreeStamp apply(FilePort local) throws IOException, InterruptedException {
            return local.stamp(directory, excluded);
        }
    }

    record HashZip(String zipFile) implements Action<Map<String, String>> {
        @Override
        public Map<String, String> apply(FilePort local) throws IOException, InterruptedException {
            return new TreeMap<>(local.hashZipEntries(zipFile));
        }
    }

    record CopyTree(String from, String to, ArrayList<String> excludes) implements Action<Void> {
        @Override
        public Void apply(FilePort local) throws IOException, InterruptedException {
            local.copyTree(from, to, excludes);
            return null;
        }
    }

    record ProcessFile<T extends Serializable>(String path, FileProcessor<T> processor) implements Action<T> {
        @Override
        public T apply(FilePort local) throws IOException, InterruptedException {
            return local.process(path, processor);
        }
    }

    record ProcessEach<T extends Serializable>(ArrayList<String> paths, FileProcessor<T> processor) implements Action<Map<String, T>> {
        @Override
        public Map<String, T> apply(FilePort local) throws IOException, InterruptedException {
            return new java.util.HashMap<>(local.processEach(paths, processor));
        }
    }

    record Size(String directory) implements Action<TreeSize> {
        @Override
        public TreeSize apply(FilePort local) throws IOException, InterruptedException {
            return local.treeSize(directory);
        }
    }

    record Trim(String directory, long maxBytes, long notBeforeMillis) implements Action<TreeSize> {
        @Override
        public TreeSize apply(FilePort local) throws IOException, InterruptedException {
            return local.trimOldest(directory, maxBytes, notBeforeMillis);
        }
    }

    record Write(String path, byte[] content, boolean secret) implements Action<Void> {
        @Override
        public Void apply(FilePort local) throws IOException, InterruptedException {
            if (secret) {
                local.writePrivate(path, content);
            } else {
                local.writeAtomically(path, content);
            }
            return null;
        }
    }

    record Move(String from, String to, boolean copy) implements Action<Void> {
        @Override
        public Void apply(FilePort local) throws IOException, InterruptedException {
            if (copy) {
                local.copy(from, to);
            } else {
                local.move(from, to);
            }
            return null;
        }
    }

    record Seed(String fromDirectory, String toDirectory, ArrayList<String> names) implements Action<Integer> {
        @Override
        public Integer apply(FilePort local) throws IOException, InterruptedException {
            return local.seed(fromDirectory, toDirectory, names);
        }
    }

    record Delete(String path) implements Action<Void> {
        @Override
        public Void apply(FilePort local) throws IOException, InterruptedException {
            local.delete(path);
            return null;
        }
    }

    record MakeDirectories(String path) implements Action<Void> {
        @Override
        public Void apply(FilePort local) throws IOException, InterruptedException {
            local.createDirectories(path);
            return null;
        }
    }

    record TempDirectory(String parent, String prefix) implements Action<String> {
        @Override
        public String apply(FilePort local) throws IOException, InterruptedException {
            return local.createTempDirectory(parent, prefix);
        }
    }

    record Acquire(String path, boolean shared) implements Action<String> {
        @Override
        public String apply(FilePort local) throws IOException, InterruptedException {
            String id = UUID.randomUUID().toString();
            HELD.put(id, local.lock(path, shared));
            return id;
        }
    }

    record Release(String id) implements Action<Void> {
        @Override
        public Void apply(FilePort local) throws IOException {
            Lock held = HELD.remove(id);
            if (held != null) {
                held.close();
            }
            return null;
        }
    }
}
