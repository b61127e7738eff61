package io.gobuild.engine.verify;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** The lines of a go.sum: `path version h1:hash` for module content, `path version/go.mod h1:hash` for go.mod files. */
final class GoSum {
    private final Map<String, String> hashes;

    private GoSum(Map<String, String> hashes) {
        this.hashes = hashes;
    }

    static GoSum parse(byte[] content) {
        Map<String, String> hashes = new HashMap<>();
        for (String line : new String(content, StandardCharsets.UTF_8).split("\n")) {
            String[] fields = line.trim().split("\\s+");
            if (fields.length == 3) {
                hashes.put(fields[0] + " " + fields[1], fields[2]);
            }
        }
        return new GoSum(hashes);
    }

    static GoSum empty() {
        return new GoSum(Map.of());
    }

    Optional<String> content(String path, String version) {
        return Optional.ofNullable(hashes.get(path + " " + version));
    }

    Optional<String> goMod(String path, String version) {
        return Optional.ofNullable(hashes.get(path + " " + version + "/go.mod"));
    }

    /** Every module whose content (not only go.mod) go.sum records, as path and version. */
    Map<String, String> contentEntries() {
        Map<String, String> entries = new HashMap<>();
        hashes.keySet().stream().filter(k -> !k.endsWith("/go.mod")).forEach(k -> {
            String[] parts = k.split(" ");
            entries.put(parts[0] + "@" + parts[1], hashes.get(k));
        });
        return entries;
    }
}
