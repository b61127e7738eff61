package io.gobuild.engine.port;

import java.lang.ref.SoftReference;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What this JVM made of files it read or wrote last, so that an engine that stays up between
 * builds (the CLI's daemon) does not parse the same state file on every build. A value is used
 * only while its file is the one it came from: the same identity (inode), size and time; every
 * write replaces a state file, so a new identity (where the file system has no inodes, nothing is
 * kept). Held softly: memory pressure drops them, and the
 * file is read again.
 */
public final class RecentlyRead<T> {
    private record Entry<T>(String identity, long size, long lastModifiedMillis, SoftReference<T> value) {
        boolean describes(FileEntry file) {
            return identity.equals(file.identity()) && size == file.size() && lastModifiedMillis == file.lastModifiedMillis();
        }
    }

    private final Map<String, Entry<T>> entries;

    public RecentlyRead(int kept) {
        entries = new LinkedHashMap<>(kept, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Entry<T>> eldest) {
                return size() > kept;
            }
        };
    }

    public synchronized Optional<T> get(String path, FileEntry file) {
        Entry<T> entry = entries.get(path);
        if (entry == null || !file.identifiesFile() || !entry.describes(file)) {
            return Optional.empty();
        }
        return Optional.ofNullable(entry.value().get());
    }

    public synchronized void put(String path, FileEntry file, T value) {
        if (!file.identifiesFile()) {
            entries.remove(path); // A file rewritten to the same size within one tick would look the same.
            return;
        }
        entries.put(path, new Entry<>(file.identity(), file.size(), file.lastModifiedMillis(), new SoftReference<>(value)));
    }
}
