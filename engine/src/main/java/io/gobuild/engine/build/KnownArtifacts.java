package io.gobuild.engine.build;

import com.fasterxml.jackson.core.type.TypeReference;
import io.gobuild.engine.port.FileEntry;
import io.gobuild.engine.port.FileFacts;
import io.gobuild.engine.report.ReportJson;

import java.io.IOException;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What gobuild knows about the binaries it placed in an output directory: which built file each was
 * copied from, and its sha256 and stamp strings. A rebuild in which go relinked nothing (go touches
 * an up-to-date binary but keeps the file) and nobody changed the placed copy neither copies nor
 * hashes again: hashing hundreds of megabytes would cost more than the whole no-op go build.
 */
public final class KnownArtifacts {
    private final Map<String, Known> entries;
    /** What other output directories know, for binaries linked from their build directories. */
    private final Map<String, Known> borrowed = new ConcurrentHashMap<>();

    private KnownArtifacts(Map<String, Known> entries) {
        this.entries = new ConcurrentHashMap<>(entries);
    }

    public static KnownArtifacts empty() {
        return new KnownArtifacts(Map.of());
    }

    /** Reads what a previous run saved; anything unreadable counts as knowing nothing. */
    public static KnownArtifacts read(byte[] json) {
        try {
            return new KnownArtifacts(ReportJson.mapper().readValue(json, new TypeReference<Map<String, Known>>() { }));
        } catch (IOException | RuntimeException e) {
            return empty();
        }
    }

    public byte[] write() {
        return ReportJson.write(new TreeMap<>(entries));
    }

    /**
     * The facts of a placed file when it still is the copy of the same built file and every string
     * was searched; empty when it must be placed and inspected again.
     */
    public Optional<FileFacts> lookup(String placedPath, FileEntry built, FileEntry placed, Set<String> searchStrings) {
        Known known = entries.get(placedPath);
        if (known == null || built == null || placed == null || !known.builtIdentity.equals(identity(built))
                || known.placedSize != placed.size() || known.placedModifiedMillis != placed.lastModifiedMillis()
                || !known.searched.containsAll(searchStrings)) {
            return Optional.empty();
        }
        Set<String> found = new HashSet<>(known.found);
        found.retainAll(searchStrings);
        return Optional.of(new FileFacts(known.placedSize, known.sha256, found));
    }

    /**
     * The facts of a fresh copy of a built file, when this or a borrowed record hashed a copy of the
     * very same file (same identity and size) and searched every string: the copy is byte for byte
     * what was hashed then. A deleted output directory, or one seeded from another build directory,
     * is then placed without reading hundreds of megabytes again.
     */
    public Optional<FileFacts> ofCopy(FileEntry built, Set<String> searchStrings) {
        if (built == null) {
            return Optional.empty();
        }
        String identity = identity(built);
        return java.util.stream.Stream.concat(entries.values().stream(), borrowed.values().stream())
                .filter(k -> k.builtIdentity.equals(identity) && k.searched.containsAll(searchStrings))
                .findFirst()
                .map(k -> {
                    Set<String> found = new HashSet<>(k.found);
                    found.retainAll(searchStrings);
                    return new FileFacts(built.size(), k.sha256, found);
                });
    }

    /** Lends another output directory's records to {@link #ofCopy}; they are never saved here. */
    public void borrow(KnownArtifacts other) {
        other.entries.values().forEach(k -> borrowed.putIfAbsent(k.builtIdentity, k));
    }

    public void remember(String placedPath, FileEntry built, FileEntry placed, Set<String> searched, FileFacts facts) {
        entries.put(placedPath, new Known(identity(built), placed.size(), placed.lastModifiedMillis(), facts.sha256(),
                searched, facts.foundStrings()));
    }

    private static String identity(FileEntry entry) {
        return entry.identity() + "/" + entry.size();
    }

    /** One placed file as saved. */
    record Known(String builtIdentity, long placedSize, long placedModifiedMillis, String sha256, Set<String> searched,
                 Set<String> found) {
        Known {
            searched = searched == null ? Set.of() : Set.copyOf(searched);
            found = found == null ? Set.of() : Set.copyOf(found);
        }
    }
}
