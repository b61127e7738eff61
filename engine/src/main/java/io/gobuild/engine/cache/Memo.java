package io.gobuild.engine.cache;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gobuild.engine.port.AgentPaths;
import io.gobuild.engine.port.FileEntry;
import io.gobuild.engine.port.FilePort;
import io.gobuild.engine.port.RecentlyRead;
import io.gobuild.engine.port.Sha256;
import io.gobuild.engine.port.ShortHash;
import io.gobuild.engine.report.ReportJson;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

/**
 * Answers of slow go queries (package lists, build-tag verdicts), kept in the cache home and
 * reused while their key is the same. A key spells out everything the answer depends on: the
 * toolchain, the environment, the arguments and a fingerprint of the module's files. Each slot (a
 * module directory and target, say) holds its latest answer only, so the memo does not grow with
 * every edit. An unreadable or unwritable memo is a miss, never an error.
 */
public final class Memo {
    private static final ObjectMapper JSON = ReportJson.mapper();
    /** Beside an answer: a newer key that gives it too (see {@link #confirm}). */
    private static final String CONFIRMED = ".key";
    /** Parsed answers, shared by the runs of one JVM as the memo is by the runs on one agent. */
    private static final RecentlyRead<JsonNode> RECENT = new RecentlyRead<>(32);
    private final FilePort files;
    private final String directory;

    public Memo(FilePort files, String directory) {
        this.files = files;
        this.directory = directory;
    }

    /** Computes an answer; may throw what the query throws. */
    public interface Query<T> {
        T answer() throws IOException, InterruptedException;
    }

    /**
     * What answers depend on in the module: its files' names, sizes and times, cheap to read and
     * asked first; and what those files say ({@link FilePort#contentFingerprint}), read only when
     * the first changed, so that an edit inside a function keeps the answers.
     */
    public interface ModuleFiles {
        String fingerprint() throws IOException, InterruptedException;

        String contents() throws IOException, InterruptedException;
    }

    /** The remembered answer for this slot when its key is the same, else the query's, remembered. */
    public <T> T get(String slot, String key, TypeReference<T> type, Query<T> query) throws IOException, InterruptedException {
        return get(slot, key, null, type, query);
    }

    /**
     * The remembered answer for this slot when its key and the module's fingerprint are the same,
     * or its key and the module's contents; else the query's, remembered.
     */
    public <T> T get(String slot, String key, ModuleFiles module, TypeReference<T> type, Query<T> query)
            throws IOException, InterruptedException {
        String path = path(slot);
        String keyHash = Sha256.of(module == null ? key : key + "\n" + module.fingerprint());
        JsonNode stored = stored(path);
        String storedContent = stored == null ? null : stored.path("content").asText();
        T remembered = stored != null && (keyHash.equals(stored.path("key").asText()) || confirmed(path, keyHash, storedContent))
                ? value(stored, type) : null;
        if (remembered != null) {
            return remembered;
        }
        String contentHash = module == null ? "" : Sha256.of(key + "\n" + module.contents());
        remembered = stored != null && module != null && contentHash.equals(storedContent) ? value(stored, type) : null;
        if (remembered != null) {
            // Only the files' times or sizes changed: the new key confirms the answer in a few
            // bytes beside it instead of the whole answer written again.
            confirm(path, keyHash, contentHash);
            return remembered;
        }
        T answer = query.answer();
        remember(path, keyHash, contentHash, answer);
        return answer;
    }

    /** The stored answer, or null when it no longer reads as the type asked for (a miss). */
    private static <T> T value(JsonNode stored, TypeReference<T> type) {
        try {
            return JSON.convertValue(stored.get("value"), type);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Whether this slot holds an answer (for whichever key): false before the first query of its kind. */
    public boolean holds(String slot) throws InterruptedException {
        try {
            return files.exists(path(slot));
        } catch (IOException e) {
            return false;
        }
    }

    private String path(String slot) {
        return AgentPaths.join(directory, ShortHash.of(slot) + ".json");
    }

    /** Whether the note beside the answer says this key gives it: the key and the answer's content hash. */
    private boolean confirmed(String path, String keyHash, String storedContent) throws InterruptedException {
        try {
            return new String(files.read(path + CONFIRMED), StandardCharsets.UTF_8).equals(keyHash + " " + storedContent);
        } catch (IOException e) {
            return false; // No note (yet), or an unreadable one.
        }
    }

    private void confirm(String path, String keyHash, String contentHash) throws InterruptedException {
        try {
            files.writeAtomically(path + CONFIRMED, (keyHash + " " + contentHash).getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            // The next run compares the contents again.
        }
    }

    private JsonNode stored(String path) throws InterruptedException {
        try {
            FileEntry file = files.entry(path);
            if (file == null) {
                return null;
            }
            Optional<JsonNode> recent = RECENT.get(path, file);
            if (recent.isPresent()) {
                return recent.get();
            }
            JsonNode stored = JSON.readTree(files.read(path));
            RECENT.put(path, file, stored);
            return stored;
        } catch (IOException | RuntimeException e) {
            return null; // A damaged entry is a miss; the answer replaces it.
        }
    }

    private void remember(String path, String keyHash, String contentHash, Object value) throws InterruptedException {
        try {
            files.createDirectories(directory);
            files.writeAtomically(path, ReportJson.writeCompact(Map.of("key", keyHash, "content", contentHash, "value", value)));
        } catch (IOException | java.io.UncheckedIOException e) {
            // Not remembering costs the next run a query, nothing more.
        }
    }
}
