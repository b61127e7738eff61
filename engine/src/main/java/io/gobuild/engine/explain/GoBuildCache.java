package io.gobuild.engine.explain;

import io.gobuild.engine.port.AgentPaths;
import io.gobuild.engine.port.FilePort;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * What go recorded of a build on the agent that ran it: its build cache (an action's index entry
 * `XX/ID-a` names the output `XX/OUT-d` stored under it) and the binaries it left. Anything
 * missing or unreadable is null: the caller then traces the build instead.
 */
public final class GoBuildCache implements CacheDerivedTrace.GoRecords {
    private static final int HEX = 64;
    private final FilePort files;
    private final String directory;
    private final Map<String, String> binaries;
    private Map<String, String> linked;

    /**
     * @param directory GOCACHE
     * @param binaries  where the build put each main package's binary
     */
    public GoBuildCache(FilePort files, String directory, Map<String, String> binaries) {
        this.files = files;
        this.directory = directory;
        this.binaries = Map.copyOf(binaries);
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

    /** Every binary's build ID is read at the first question, in one call: a build checks all its links. */
    @Override
    public String linked(String mainPackage) throws InterruptedException {
        String binary = binaries.get(mainPackage);
        if (binary == null) {
            return null;
        }
        if (linked == null) {
            try {
                linked = files.processEach(List.copyOf(binaries.values()), new GoBuildId());
            } catch (IOException | RuntimeException e) {
                linked = Map.of();
            }
        }
        return linked.get(binary);
    }

    private String path(String hex, String suffix) {
        return AgentPaths.join(AgentPaths.join(directory, hex.substring(0, 2)), hex + suffix);
    }
}
