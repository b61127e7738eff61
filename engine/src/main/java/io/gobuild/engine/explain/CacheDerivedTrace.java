package io.gobuild.engine.explain;

import io.gobuild.engine.port.Sha256;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The cache-key trace of a build that ran without its action graph, rebuilt from a recorded build
 * of the same configuration and go's own records: the packages `-v` named have their source files
 * hashed again; every action whose inputs then differ gets its new ID, and a compile's new build
 * ID is read from the archive go stored under that ID in its build cache (the archive names the ID
 * it was built under, so a wrong guess finds nothing). Every link is checked against the build ID
 * of the binary go left (first part: the link's action ID), which covers the content IDs of every
 * package linked into it. Anything that fails a check gives nothing, and the caller traces the
 * build. Only for a build whose configuration, commit, file list and imports are those of the
 * recorded one: then nothing but file contents can have changed its actions' inputs.
 */
public final class CacheDerivedTrace {
    private CacheDerivedTrace() {
    }

    /** What go left behind, read where it is. */
    public interface GoRecords {
        /** The build ID of the archive go's build cache holds for a compile with this action ID (hex), or null. */
        String compiled(String actionIdHex) throws IOException, InterruptedException;

        /** The build ID of the binary this build left for a main package, or null. */
        String linked(String mainPackage) throws IOException, InterruptedException;
    }

    public static Optional<HashTrace> derive(BuildHistory history, List<String> compiled, GoRecords records,
                                             DerivedTrace.PackageDirectories directories, DerivedTrace.Hasher hasher)
            throws IOException, InterruptedException {
        // First the files of what go compiled; then, for contents go had built before (a revert, a
        // branch built earlier), every file of the module's packages, still cheaper than a trace.
        Map<String, String> fileHashes = new HashMap<>();
        for (boolean everyPackage : new boolean[]{false, true}) {
            for (RecordedBuild base : history.builds()) { // newest first: usually the build this one follows
                if (!compiled.stream().allMatch(p -> base.actionIds().containsKey("build " + p))) {
                    continue;
                }
                Map<String, List<String>> stale = new LinkedHashMap<>();
                base.actionIds().keySet().stream()
                        .filter(name -> name.startsWith("build ") && (everyPackage || compiled.contains(name.substring(6))))
                        .forEach(name -> history.action(base, name).ifPresent(a -> stale.put(name, a.inputs())));
                Set<String> rehashed = new HashSet<>(compiled);
                stale.keySet().forEach(name -> rehashed.add(name.substring(6)));
                // Each file is read once, however many recorded builds name it.
                try {
                    fileHashes.putAll(DerivedTrace.hashSourceFiles(stale, directories, paths -> {
                        List<String> unread = paths.stream().filter(p -> !fileHashes.containsKey(p)).toList();
                        return unread.isEmpty() ? Map.of() : hasher.sha256(unread);
                    }));
                } catch (IOException e) {
                    continue; // A file this record names is gone: not the build this one follows.
                }
                Resolution resolution = new Resolution(history, base, rehashed, records, directories, fileHashes);
                if (resolution.all()) {
                    return Optional.of(new HashTrace(resolution.actions, compiled, List.of()));
                }
            }
        }
        return Optional.empty();
    }

    /** The actions of one build derived from one recorded build, dependencies first. */
    private static final class Resolution implements BuildIds {
        private final BuildHistory history;
        private final Map<String, String> recordedIds;
        private final Set<String> rehashed;
        private final GoRecords records;
        private final DerivedTrace.PackageDirectories directories;
        private final Map<String, String> fileHashes;
        private final Map<String, String> newBuildIds = new HashMap<>();
        private final Set<String> changedContent = new HashSet<>();
        private final Set<String> resolving = new HashSet<>();
        final Map<String, TracedAction> actions = new LinkedHashMap<>();

        Resolution(BuildHistory history, RecordedBuild base, Set<String> rehashed, GoRecords records,
                   DerivedTrace.PackageDirectories directories, Map<String, String> fileHashes) {
            this.history = history;
            this.recordedIds = base.actionIds();
            this.rehashed = rehashed;
            this.records = records;
            this.directories = directories;
            this.fileHashes = fileHashes;
        }

        @Override
        public String buildId(String packagePath) {
            return newBuildIds.get(packagePath);
        }

        /**
         * The packages whose files were read again come first, each after what it imports. When
         * none of them compiled to other content, no other compile moved, and only the links of
         * main packages with a new build ID are worked out again; the rest keep their recorded
         * inputs (every link still checked against its binary). Else every action is worked out.
         */
        boolean all() throws IOException, InterruptedException {
            for (String packagePath : rehashed) {
                if (recordedIds.containsKey("build " + packagePath) && !resolve("build " + packagePath)) {
                    return false;
                }
            }
            boolean contentMoved = !changedContent.isEmpty();
            for (Map.Entry<String, String> action : recordedIds.entrySet()) {
                String name = action.getKey();
                if (actions.containsKey(name)) {
                    continue;
                }
                boolean link = name.startsWith("link ");
                String packagePath = name.substring(name.indexOf(' ') + 1);
                if (contentMoved || link && newBuildIds.containsKey(packagePath)) {
                    if (!resolve(name)) {
                        return false;
                    }
                } else if (!keep(name, packagePath, link, action.getValue())) {
                    return false;
                }
            }
            return true;
        }

        private boolean keep(String name, String packagePath, boolean link, String recordedId) throws IOException, InterruptedException {
            List<String> recorded = history.inputs().get(recordedId);
            if (recorded == null || recorded.isEmpty() || !confirmed(packagePath, link, recordedId, recordedId)) {
                return false;
            }
            actions.put(name, new TracedAction(name, recordedId, recorded));
            return true;
        }

        private boolean resolve(String name) throws IOException, InterruptedException {
            if (actions.containsKey(name)) {
                return true;
            }
            String recordedId = recordedIds.get(name);
            List<String> recorded = recordedId == null ? null : history.inputs().get(recordedId);
            if (recorded == null || recorded.isEmpty() || !resolving.add(name)) {
                return false; // not on record, or a cycle, which go's graphs never have
            }
            String packagePath = name.substring(name.indexOf(' ') + 1);
            boolean link = name.startsWith("link ");
            boolean touched = link || rehashed.contains(packagePath);
            for (String line : recorded) {
                String dependency = dependency(line, packagePath);
                if (dependency != null && recordedIds.containsKey("build " + dependency)) {
                    if (!resolve("build " + dependency)) {
                        return false;
                    }
                    touched |= changedContent.contains(dependency);
                }
            }
            List<String> inputs = touched ? DerivedTrace.updated(name, recorded, this, directories, fileHashes, null) : recorded;
            String id = inputs.equals(recorded) ? recordedId
                    : HexFormat.of().formatHex(Sha256.digest().digest((String.join("\n", inputs) + "\n").getBytes(StandardCharsets.UTF_8)));
            if (!confirmed(packagePath, link, recordedId, id)) {
                return false;
            }
            actions.put(name, new TracedAction(name, id, inputs));
            return true;
        }

        /**
         * A link is always checked against its binary; a compile whose ID moved, against the
         * archive go stored under it, and its content against the archive of its recorded ID
         * (gone from the cache: taken as changed).
         */
        private boolean confirmed(String packagePath, boolean link, String recordedId, String id) throws IOException, InterruptedException {
            if (link) {
                String built = records.linked(packagePath);
                return built != null && GoBuildId.actionPart(built).equals(DerivedTrace.shortId(id));
            }
            if (id.equals(recordedId)) {
                return true;
            }
            String built = records.compiled(id);
            if (built == null || !GoBuildId.actionPart(built).equals(DerivedTrace.shortId(id))) {
                return false;
            }
            newBuildIds.put(packagePath, built);
            String before = records.compiled(recordedId);
            if (before == null || !contentId(packagePath).equals(GoBuildId.contentPart(before))) {
                changedContent.add(packagePath);
            }
            return true;
        }

        /** The package an input line takes a build ID from: `import P ID`, `packagefile P=ID`, or the main package of `packagemain`. */
        private static String dependency(String line, String packagePath) {
            if (line.startsWith("import ") && line.indexOf('"') != 7) {
                int space = line.indexOf(' ', 7);
                return space < 0 ? null : line.substring(7, space);
            }
            if (line.startsWith("packagefile ")) {
                int equals = line.indexOf('=');
                return equals < 0 ? null : line.substring("packagefile ".length(), equals);
            }
            return line.startsWith("packagemain ") ? packagePath : null;
        }
    }
}
