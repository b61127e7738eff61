package io.gobuild.engine.local;

import io.gobuild.engine.port.FileEntry;
import io.gobuild.engine.port.FileFacts;
import io.gobuild.engine.port.FilePort;
import io.gobuild.engine.port.GoFileHeader;
import io.gobuild.engine.port.Sha256;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.stream.Stream;

/** The file port over this machine's own file system. */
public final class LocalFilePort implements FilePort {
    private static final Map<Path, ProcessLock> LOCKS = new ConcurrentHashMap<>();

    @Override
    public boolean exists(String path) {
        return Files.exists(Path.of(path));
    }

    @Override
    public boolean isDirectory(String path) {
        return Files.isDirectory(Path.of(path));
    }

    @Override
    public byte[] read(String path) throws IOException {
        return Files.readAllBytes(Path.of(path));
    }

    @Override
    public List<FileEntry> list(String directory) throws IOException {
        Path dir = Path.of(directory);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<FileEntry> entries = new ArrayList<>();
        try (Stream<Path> children = Files.list(dir)) {
            for (Path child : (Iterable<Path>) children::iterator) {
                BasicFileAttributes attributes;
                try {
                    attributes = Files.readAttributes(child, BasicFileAttributes.class);
                } catch (NoSuchFileException e) {
                    continue; // Removed since the directory was read (a temporary file of go or of a concurrent step).
                }
                entries.add(entryOf(child, attributes));
            }
        }
        entries.sort(Comparator.comparing(FileEntry::name));
        return entries;
    }

    @Override
    public FileEntry entry(String path) throws IOException {
        Path file = Path.of(path);
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            return attributes.isDirectory() ? null : entryOf(file, attributes);
        } catch (NoSuchFileException e) {
            return null;
        }
    }

    private static FileEntry entryOf(Path file, BasicFileAttributes attributes) {
        long mtime = attributes.lastModifiedTime().toMillis();
        Object key = attributes.fileKey();
        return new FileEntry(file.getFileName().toString(), attributes.isDirectory(), attributes.size(),
                mtime, key != null ? key.toString() : FileEntry.TIME_ONLY + mtime);
    }

    @Override
    public Map<String, FileFacts> inspect(List<String> paths, List<String> searchStrings) throws IOException {
        Map<String, FileFacts> facts = new LinkedHashMap<>();
        for (String path : paths) {
            facts.put(path, inspectOne(Path.of(path), searchStrings));
        }
        return facts;
    }

    private static FileFacts inspectOne(Path file, List<String> searchStrings) throws IOException {
        MessageDigest sha256 = Sha256.digest();
        List<StreamSearch> searches = searchStrings.stream().distinct().map(StreamSearch::new).toList();
        long size = 0;
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                sha256.update(buffer, 0, n);
                for (StreamSearch search : searches) {
                    search.feed(buffer, n);
                }
                size += n;
            }
        }
        Set<String> found = new HashSet<>();
        searches.stream().filter(StreamSearch::found).forEach(s -> found.add(s.text));
        return new FileFacts(size, Sha256.hex(sha256), found);
    }

    @Override
    public void writeAtomically(String path, byte[] content) throws IOException {
        write(path, content, true);
    }

    /** Writes a temporary file (created owner-only) beside the target and renames it into place. */
    private static void write(String path, byte[] content, boolean readableByAll) throws IOException {
        Path target = Path.of(path);
        Path parent = target.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path temp = Files.createTempFile(parent, "." + target.getFileName(), ".tmp");
        try {
            Files.write(temp, content, StandardOpenOption.TRUNCATE_EXISTING);
            if (readableByAll) {
                readableByAll(temp);
            }
            moveReplacing(temp, target);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    @Override
    public Map<String, String> hashTree(String directory) throws IOException {
        Path root = Path.of(directory);
        Map<String, String> hashes = new java.util.TreeMap<>();
        if (!Files.isDirectory(root)) {
            return hashes;
        }
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                hashes.put(root.relativize(file).toString().replace(java.io.File.separatorChar, '/'),
                        inspectOne(file, List.of()).sha256());
            }
        }
        return hashes;
    }

    @Override
    public String fingerprint(List<String> paths, List<String> suffixes) throws IOException {
        return fingerprintOf(paths, suffixes, (file, attrs) ->
                attrs.size() + "\t" + attrs.lastModifiedTime().to(java.util.concurrent.TimeUnit.NANOSECONDS));
    }

    @Override
    public String contentFingerprint(List<String> paths, List<String> suffixes) throws IOException {
        return fingerprintOf(paths, suffixes, (file, attrs) -> Sha256.of(file.getFileName().toString().endsWith(".go")
                ? goHeader(file) : Files.readAllBytes(file)));
    }

    /** The header of a Go file, read no further than needed (most headers fit the first 16 KiB). */
    private static byte[] goHeader(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] start = in.readNBytes(1 << 14);
            boolean complete = in.read() < 0;
            int length = GoFileHeader.length(start, start.length, complete);
            if (length >= 0) {
                return java.util.Arrays.copyOf(start, length);
            }
        }
        byte[] all = Files.readAllBytes(file);
        return java.util.Arrays.copyOf(all, GoFileHeader.length(all, all.length, true));
    }

    /** What a fingerprint says of one file. */
    private interface FileLine {
        String of(Path file, BasicFileAttributes attrs) throws IOException;
    }

    private static String fingerprintOf(List<String> paths, List<String> suffixes, FileLine describe) throws IOException {
        List<String> lines = new ArrayList<>();
        for (String given : paths) {
            Path root = Path.of(given);
            if (!Files.exists(root)) {
                lines.add(given + "\tmissing");
                continue;
            }
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    return dir.getFileName() != null && dir.getFileName().toString().equals(".git") ? FileVisitResult.SKIP_SUBTREE
                            : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    String name = file.getFileName().toString();
                    if (attrs.isRegularFile() && (suffixes.isEmpty() || suffixes.stream().anyMatch(name::endsWith))) {
                        try {
                            lines.add(file + "\t" + describe.of(file, attrs));
                        } catch (NoSuchFileException e) {
                            // Removed while the tree was read: it is not part of the module any more.
                        }
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                    return skipVanished(e);
                }
            });
        }
        java.util.Collections.sort(lines);
        MessageDigest digest = Sha256.digest();
        lines.forEach(line -> digest.update((line + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        return Sha256.hex(digest);
    }

    @Override
    public TreeStamp stamp(String directory, List<String> excluded) throws IOException {
        Path root = Path.of(directory);
        if (!Files.isDirectory(root)) {
            return new TreeStamp(Sha256.hex(Sha256.digest()), 0);
        }
        java.util.Set<Path> skipped = new java.util.HashSet<>();
        excluded.forEach(e -> skipped.add(Path.of(e).toAbsolutePath().normalize()));
        List<String> lines = new ArrayList<>();
        long[] newest = {0};
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                boolean git = dir.getFileName() != null && dir.getFileName().toString().equals(".git");
                return git || skipped.contains(dir.toAbsolutePath().normalize()) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                if (attrs.isRegularFile()) {
                    long mtime = attrs.lastModifiedTime().to(java.util.concurrent.TimeUnit.NANOSECONDS);
                    newest[0] = Math.max(newest[0], attrs.lastModifiedTime().toMillis());
                    lines.add(root.relativize(file) + "\t" + attrs.fileKey() + "\t" + attrs.size() + "\t" + mtime + "\t" + changed(file));
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                return skipVanished(e);
            }
        });
        java.util.Collections.sort(lines);
        MessageDigest digest = Sha256.digest();
        lines.forEach(line -> digest.update((line + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        return new TreeStamp(Sha256.hex(digest), newest[0]);
    }

    /** A file that was listed but is gone when read is skipped; any other failure stops the walk. */
    private static FileVisitResult skipVanished(IOException e) throws IOException {
        if (e instanceof NoSuchFileException) {
            return FileVisitResult.CONTINUE;
        }
        throw e;
    }

    /**
     * The inode change time where the file system has one: a rewrite that puts the old modification
     * time back (as archivers and some sync tools do) still moves it.
     */
    private static Object changed(Path file) {
        try {
            return Files.getAttribute(file, "unix:ctime", java.nio.file.LinkOption.NOFOLLOW_LINKS);
        } catch (UnsupportedOperationException | IllegalArgumentException | IOException e) {
            return "";
        }
    }

    @Override
    public Map<String, String> hashZipEntries(String zipFile) throws IOException {
        Map<String, String> hashes = new java.util.TreeMap<>();
        try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(zipFile)) {
            for (java.util.zip.ZipEntry entry : java.util.Collections.list(zip.entries())) {
                if (entry.isDirectory()) {
                    continue;
                }
                MessageDigest sha256 = Sha256.digest();
                try (InputStream in = zip.getInputStream(entry)) {
                    byte[] buffer = new byte[1 << 16];
                    for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                        sha256.update(buffer, 0, n);
                    }
                }
                hashes.put(entry.getName(), Sha256.hex(sha256));
            }
        }
        return hashes;
    }

    @Override
    public void copyTree(String from, String to, List<String> excludes) throws IOException {
        Path source = Path.of(from);
        Path target = Path.of(to);
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Path relative = source.relativize(file);
                if (relative.getNameCount() > 0 && excludes.contains(relative.getName(0).toString())) {
                    continue;
                }
                Path copy = target.resolve(relative.toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(copy);
                } else if (Files.isRegularFile(file)) {
                    Files.copy(file, copy, StandardCopyOption.REPLACE_EXISTING);
                    copy.toFile().setWritable(true);
                }
            }
        }
    }

    @Override
    public void writePrivate(String path, byte[] content) throws IOException {
        write(path, content, false);
    }

    @Override
    public <T extends java.io.Serializable> T process(String path, FileProcessor<T> processor) throws IOException {
        try (InputStream in = new java.io.BufferedInputStream(Files.newInputStream(Path.of(path)), 1 << 16)) {
            return processor.process(in);
        }
    }

    @Override
    public TreeSize treeSize(String directory) throws IOException {
        long[] totals = new long[2];
        walkFiles(Path.of(directory), (file, attributes) -> {
            totals[0]++;
            totals[1] += attributes.size();
        });
        return new TreeSize(totals[0], totals[1]);
    }

    @Override
    public TreeSize trimOldest(String directory, long maxBytes, long notBeforeMillis) throws IOException {
        List<Object[]> files = new ArrayList<>();
        long[] total = new long[1];
        walkFiles(Path.of(directory), (file, attributes) -> {
            files.add(new Object[] {file, attributes.size(), attributes.lastModifiedTime().toMillis()});
            total[0] += attributes.size();
        });
        files.sort(Comparator.comparingLong(f -> (Long) f[2]));
        long deletedFiles = 0;
        long deletedBytes = 0;
        for (Object[] file : files) {
            if (total[0] <= maxBytes || (Long) file[2] >= notBeforeMillis) {
                break;
            }
            if (Files.deleteIfExists((Path) file[0])) {
                total[0] -= (Long) file[1];
                deletedFiles++;
                deletedBytes += (Long) file[1];
            }
        }
        return new TreeSize(deletedFiles, deletedBytes);
    }

    private interface FileVisitor {
        void visit(Path file, BasicFileAttributes attributes) throws IOException;
    }

    private static void walkFiles(Path root, FileVisitor visitor) throws IOException {
        if (!Files.isDirectory(root)) {
            return;
        }
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                if (attributes.isRegularFile()) {
                    visitor.visit(file, attributes);
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
                // A file another process removed meanwhile (Go trims its own cache too).
                return FileVisitResult.CONTINUE;
            }
        });
    }

    /** Temporary files are private; the files they become are ordinary outputs. */
    private static void readableByAll(Path file) throws IOException {
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
        }
    }

    @Override
    public void move(String from, String to) throws IOException {
        Path target = Path.of(to);
        Files.createDirectories(target.toAbsolutePath().getParent());
        moveReplacing(Path.of(from), target);
    }

    private static void moveReplacing(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Copies under a temporary name beside the target, keeping mode and mtime, then renames into place. */
    @Override
    public void copy(String from, String to) throws IOException {
        Path target = Path.of(to).toAbsolutePath();
        Files.createDirectories(target.getParent());
        Path temp = target.resolveSibling("." + target.getFileName() + ".gobuild-tmp");
        try {
            Files.copy(Path.of(from), temp, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
            moveReplacing(temp, target);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    @Override
    public int seed(String fromDirectory, String toDirectory, List<String> names) throws IOException {
        Path target = Path.of(toDirectory);
        Files.createDirectories(target);
        int added = 0;
        for (String name : names) {
            Path from = Path.of(fromDirectory, name);
            Path to = target.resolve(name);
            if (!Files.isRegularFile(from, java.nio.file.LinkOption.NOFOLLOW_LINKS)
                    || Files.exists(to, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                continue;
            }
            try {
                Files.createLink(to, from);
            } catch (UnsupportedOperationException | IOException e) {
                copy(from.toString(), to.toString());
            }
            added++;
        }
        return added;
    }

    @Override
    public void delete(String path) throws IOException {
        Path root = Path.of(path);
        if (!Files.exists(root, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                // Go's module cache makes files read-only; deleting them needs a writable directory only.
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                dir.toFile().setWritable(true);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                if (e != null) {
                    throw e;
                }
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    @Override
    public void createDirectories(String path) throws IOException {
        Files.createDirectories(Path.of(path));
    }

    @Override
    public String createTempDirectory(String parent, String prefix) throws IOException {
        Path dir = Path.of(parent);
        Files.createDirectories(dir);
        return Files.createTempDirectory(dir, prefix).toString();
    }

    @Override
    public Lock lock(String path, boolean shared) throws IOException, InterruptedException {
        Path file = Path.of(path).toAbsolutePath().normalize();
        Files.createDirectories(file.getParent());
        ProcessLock state = LOCKS.computeIfAbsent(file, ProcessLock::new);
        java.util.concurrent.locks.Lock threads = shared ? state.threads.readLock() : state.threads.writeLock();
        threads.lockInterruptibly();
        try {
            state.acquire(shared);
        } catch (IOException | RuntimeException e) {
            threads.unlock();
            throw e;
        }
        return () -> {
            try {
                state.release();
            } finally {
                threads.unlock();
            }
        };
    }

    /**
     * One file lock per file for this whole JVM (the JVM allows no more), shared by the threads that
     * hold it in shared mode and counted, while the read-write lock orders the threads themselves.
     */
    private static final class ProcessLock {
        private final Path file;
        private final ReentrantReadWriteLock threads = new ReentrantReadWriteLock();
        private FileChannel channel;
        private FileLock fileLock;
        private int holders;

        ProcessLock(Path file) {
            this.file = file;
        }

        synchronized void acquire(boolean shared) throws IOException {
            if (holders == 0) {
                channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                        StandardOpenOption.READ);
                try {
                    fileLock = channel.lock(0, Long.MAX_VALUE, shared);
                } catch (IOException | RuntimeException e) {
                    channel.close();
                    throw e;
                }
            }
            holders++;
        }

        synchronized void release() throws IOException {
            if (--holders == 0) {
                try {
                    fileLock.release();
                } finally {
                    channel.close();
                }
            }
        }
    }

    /** Finds one string in a stream of buffers without holding the whole file . */
    private static final class StreamSearch {
        private final String text;
        private final byte[] needle;
        private byte[] tail = new byte[0];
        private boolean found;

        StreamSearch(String text) {
            this.text = text;
            this.needle = text.getBytes(StandardCharsets.UTF_8);
        }

        void feed(byte[] buffer, int length) {
            if (found || needle.length == 0) {
                found = true;
                return;
            }
            byte[] window = new byte[tail.length + length];
            System.arraycopy(tail, 0, window, 0, tail.length);
            System.arraycopy(buffer, 0, window, tail.length, length);
            found = Bytes.indexOf(window, needle) >= 0;
            int keep = Math.min(needle.length - 1, window.length);
            tail = java.util.Arrays.copyOfRange(window, window.length - keep, window.length);
        }

        boolean found() {
            return found;
        }
    }
}
