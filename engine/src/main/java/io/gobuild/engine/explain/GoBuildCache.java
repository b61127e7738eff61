package io.gobuild.engine.explain;

import io.gobuild.engine.port.AgentPaths;
import io.gobuild.engine.port.FileEntry;
import io.gobuild.engine.port.FilePort;
import io.gobuild.engine.port.RecentlyRead;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What go recorded of a build on the agent that ran it: its build cache (an action's index entry
 * `XX/ID-a` names the output `XX/OUT-d` stored under it) and the binaries it left. Anything
 * missing or unreadable is null: the caller then traces the build instead.
 */
public final class GoBuildCache implements CacheDerivedTrace.GoRecords {
    private static final int HEX = 64;
    private final FilePort files;
    private final String directory;
    /** Build IDs of binaries, shared by the runs of one JVM, kept while each file is the same. */
    private static final RecentlyRead<String> RECENT = new RecentlyRead<>(512);
    private final Map<String, String> binaries;
    private final Map<String, FileEntry> entries;
    private Map<String, String> linked;

    /**
     * @param directory GOCACHE
     * @param binaries  where the build put each main package's binary
     * @param entries   those binaries as they are now (identity, size, time), by path
     */
    public GoBuildCache(FilePort files, String directory, Map<String, String> binaries, Map<String, FileEntry> entries) {
        this.files = files;
        this.directory = directory;
        this.binaries = Map.copyOf(binaries);
        this.entries = new HashMap<>(entries);
    }

    @Override
    public String compiled(String actionIdHex) throws InterruptedException {
        try {
            // "v1 ACTION OUTPUT SIZE TIME\n", as cmd/go/internal/cache writes it.
            String entry = new String(files.read(path(actionIdHex, "-a")), StandardCharsets.US_ASCII);
            if (!entry.startsWith("v1 " + actionIdHex + " ") || entry.length() < 4 + 2 * HEX) {
                return null;
            }
            String output = entry.substring(4 + HEX, 4 + 2 * HEX);
            return files.process(path(output, "-d"), new GoBuildId());
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /**
     * Every binary's build ID is read at the first question, in one call (a build checks all its
     * links), but for the binaries this JVM read before that are still the same files.
     */
    @Override
    public String linked(String mainPackage) throws InterruptedException {
        String binary = binaries.get(mainPackage);
        if (binary == null) {
            return null;
        }
        if (linked == null) {
            linked = new HashMap<>();
            List<String> unread = new ArrayList<>();
            binaries.values().forEach(path -> {
                FileEntry entry = entries.get(path);
                Optional<String> known = entry == null ? Optional.empty() : RECENT.get(path, entry);
                known.ifPresentOrElse(id -> linked.put(path, id), () -> unread.add(path));
            });
            try {
                files.processEach(unread, new GoBuildId()).forEach((path, id) -> {
                    linked.put(path, id);
                    FileEntry entry = entries.get(path);
                    if (id != null && entry != null) {
                        RECENT.put(path, entry, id);
                    }
                });
            } catch (IOException | RuntimeException e) {
                // Unread binaries check nothing: the caller traces the build.
            }
        }
        return linked.get(binary);
    }

    private String path(String hex, String suffix) {
        return AgentPaths.join(AgentPaths.join(directory, hex.substring(0, 2)), hex + suffix);
    }
}
