package io.gobuild.engine.explain;

import io.gobuild.engine.port.AgentPaths;
import io.gobuild.engine.port.Sha256;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The cache-key trace of a build, rebuilt from the last traced build and go's action graph instead
 * of running the build again under GODEBUG=gocachehash=1. An action whose ID the history knows
 * keeps its recorded inputs; any other takes its last recorded inputs with the hashes of its source
 * files read again and the content IDs of its dependencies taken from the graph, and counts only
 * if those inputs hash to the ID go computed. So the result is exactly the trace go would print,
 * or nothing: a change of anything else (flags, environment, the toolchain, go.mod, the list of
 * files or imports) leaves some ID unmatched, and the caller traces the build. A new commit's
 * build info and -X stamps are written as go writes them ({@link BuildStamps}).
 */
public final class DerivedTrace {
    private static final char[] GO_BASE64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".toCharArray();

    private DerivedTrace() {
    }

    /** Hashes files where they are, in one call: sha256 in hex, keyed by path. */
    public interface Hasher {
        Map<String, String> sha256(List<String> paths) throws IOException, InterruptedException;
    }

    /** Where a package's source files are, or null for one outside the module (its files do not change). */
    public interface PackageDirectories {
        String of(String packagePath);
    }

    public static Optional<HashTrace> derive(BuildHistory history, ActionGraph graph, List<String> compiled,
                                             PackageDirectories directories, Hasher hasher, BuildStamps stamps)
            throws IOException, InterruptedException {
        if (history.builds().isEmpty() || graph.actions().isEmpty()) {
            return Optional.empty();
        }
        Map<String, String> recordedByShortId = new HashMap<>();
        history.inputs().keySet().forEach(id -> recordedByShortId.put(shortId(id), id));
        Map<String, String> knownIds = new HashMap<>();
        graph.actions().values().forEach(a -> {
            String id = recordedByShortId.get(a.actionId());
            if (id != null) {
                knownIds.put(a.name(), id);
            }
        });
        RecordedBuild base = history.closest(knownIds).orElseThrow();
        Map<String, TracedAction> actions = new LinkedHashMap<>();
        Map<String, List<String>> stale = new LinkedHashMap<>();
        for (ActionGraph.Action action : graph.actions().values()) {
            String known = recordedByShortId.get(action.actionId());
            if (known != null) {
                actions.put(action.name(), new TracedAction(action.name(), known, history.inputs().get(known)));
                continue;
            }
            Optional<TracedAction> before = history.action(base, action.name());
            if (before.isEmpty()) {
                return Optional.empty();
            }
            actions.put(action.name(), null);
            stale.put(action.name(), before.get().inputs());
        }
        Map<String, String> fileHashes = hashSourceFiles(stale, directories, hasher);
        for (Map.Entry<String, List<String>> entry : stale.entrySet()) {
            ActionGraph.Action action = graph.actions().get(entry.getKey());
            List<String> inputs = updated(action.name(), entry.getValue(), graph, directories, fileHashes, stamps);
            byte[] sum = Sha256.digest().digest((String.join("\n", inputs) + "\n").getBytes(StandardCharsets.UTF_8));
            if (inputs.isEmpty() || !goHashString(sum).equals(action.actionId())) {
                return Optional.empty();
            }
            actions.put(action.name(), new TracedAction(action.name(), HexFormat.of().formatHex(sum), inputs));
        }
        return Optional.of(new HashTrace(actions, compiled, List.of()));
    }

    /** The current sha256 of every source file named by a stale compile of a package in the module. */
    static Map<String, String> hashSourceFiles(Map<String, List<String>> stale, PackageDirectories directories,
                                               Hasher hasher) throws IOException, InterruptedException {
        Set<String> paths = new LinkedHashSet<>();
        stale.forEach((name, inputs) -> {
            String dir = name.startsWith("build ") ? directories.of(name.substring(6)) : null;
            if (dir != null) {
                for (int i = 1; i < inputs.size(); i++) {
                    String file = fileName(inputs.get(i));
                    if (file != null) {
                        paths.add(AgentPaths.join(dir, file));
                    }
                }
            }
        });
        return paths.isEmpty() ? Map.of() : hasher.sha256(new ArrayList<>(paths));
    }

    /**
     * The recorded inputs with what can change without a change of configuration put right: the
     * hashes of the package's own files, the content IDs of its dependencies, and a new commit's
     * build info and stamps. The first line (the go command's version, salted into every key) is
     * never touched.
     */
    static List<String> updated(String name, List<String> recorded, BuildIds graph,
                                        PackageDirectories directories, Map<String, String> fileHashes, BuildStamps stamps) {
        String packagePath = name.substring(name.indexOf(' ') + 1);
        String dir = name.startsWith("build ") ? directories.of(packagePath) : null;
        List<String> inputs = new ArrayList<>(recorded.size());
        for (int i = 0; i < recorded.size(); i++) {
            String line = recorded.get(i);
            inputs.add(i == 0 ? line : updatedLine(line, packagePath, dir, graph, fileHashes, stamps));
        }
        return inputs;
    }

    private static String updatedLine(String line, String packagePath, String dir, BuildIds graph, Map<String, String> fileHashes,
                                      BuildStamps stamps) {
        String file = fileName(line);
        if (file != null) {
            String hex = dir == null ? null : fileHashes.get(AgentPaths.join(dir, file));
            return hex == null ? line : "file " + file + " " + goHashString(HexFormat.of().parseHex(hex));
        }
        String[] words = line.split(" ", 3);
        if (words[0].equals("import") && words.length == 3 && !words[1].startsWith("\"")) {
            String content = graph.contentId(words[1]);
            return content == null ? line : "import " + words[1] + " " + content;
        }
        if (words[0].equals("packagefile") && line.indexOf('=') > 0) {
            String dependency = line.substring("packagefile ".length(), line.indexOf('='));
            String content = graph.contentId(dependency);
            return content == null ? line : "packagefile " + dependency + "=" + content;
        }
        if (words[0].equals("modinfo") || words[0].equals("linkflags")) {
            String stamped = stamps == null ? null : words[0].equals("modinfo") ? stamps.modinfo(line) : stamps.linkflags();
            return stamped == null ? line : stamped;
        }
        if (words[0].equals("packagemain")) {
            String buildId = graph.buildId(packagePath);
            return buildId == null ? line : "packagemain " + buildId;
        }
        return line;
    }

    /** The file a `file NAME HASH` input names, or null for any other line. */
    private static String fileName(String line) {
        if (!line.startsWith("file ")) {
            return null;
        }
        String[] words = line.split(" ");
        return words.length == 3 ? words[1] : null;
    }

    /** An action ID as the action graph shows it: go's HashToString, the first 120 bits in base64. */
    static String shortId(String hexActionId) {
        return goHashString(HexFormat.of().parseHex(hexActionId));
    }

    /** cmd/internal/buildid.HashToString: five 24-bit chunks of the hash, four base64 digits each. */
    static String goHashString(byte[] sha256) {
        char[] out = new char[20];
        for (int i = 0; i < 5; i++) {
            int v = (sha256[3 * i] & 0xff) << 16 | (sha256[3 * i + 1] & 0xff) << 8 | (sha256[3 * i + 2] & 0xff);
            out[4 * i] = GO_BASE64[(v >> 18) & 0x3f];
            out[4 * i + 1] = GO_BASE64[(v >> 12) & 0x3f];
            out[4 * i + 2] = GO_BASE64[(v >> 6) & 0x3f];
            out[4 * i + 3] = GO_BASE64[v & 0x3f];
        }
        return new String(out);
    }
}
