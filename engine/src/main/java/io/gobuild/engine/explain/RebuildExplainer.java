package io.gobuild.engine.explain;

import io.gobuild.engine.port.AgentPaths;
import io.gobuild.engine.port.FileEntry;
import io.gobuild.engine.port.FilePort;
import io.gobuild.engine.port.RecentlyRead;
import io.gobuild.engine.port.ShortHash;
import io.gobuild.engine.report.ReportJson;
import io.gobuild.engine.report.Rebuilds;

import java.io.IOException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Explains one target's build against what this agent remembers of earlier builds of the same
 * module and GOOS/GOARCH, then remembers this one. The history file is read, compared and replaced
 * under an exclusive lock, so concurrent runs on one cache home leave it consistent; a damaged
 * file is a warning and counts as no history.
 */
public final class RebuildExplainer {
    private static final String NEWEST = ".newest.json";
    /** Shared by the runs of one JVM, as the history files are by the runs on one agent. */
    private static final RecentlyRead<BuildHistory> RECENT = new RecentlyRead<>(16);
    private final FilePort files;
    private final String stateDir;
    private final String modulePath;
    private final Consumer<String> warnings;

    public RebuildExplainer(FilePort files, String stateDir, String modulePath, Consumer<String> warnings) {
        this.files = files;
        this.stateDir = stateDir;
        this.modulePath = modulePath;
        this.warnings = warnings;
    }

    /**
     * @param remember whether this build's inputs become history (a failed build's do not)
     */
    public Rebuilds explain(String goos, String goarch, String subject, HashTrace trace, boolean remember, String runId)
            throws IOException, InterruptedException {
        return explainWith(goos, goarch, subject, history -> Optional.of(trace), remember, runId, true);
    }

    /**
     * Explains a successful build from go's action graph and the history, without tracing it (see
     * {@link DerivedTrace}); null when the graph does not account for every action, and the caller
     * traces the build instead.
     *
     * @param moduleDir where the main module's packages are, to read their files' hashes again
     */
    public Rebuilds explainFromGraph(String goos, String goarch, String subject, ActionGraph graph, List<String> compiled,
                                     String moduleDir, BuildStamps stamps, String runId) throws IOException, InterruptedException {
        // A damaged history derives nothing; the trace that follows is what warns of it.
        return explainWith(goos, goarch, subject, history -> DerivedTrace.derive(history, graph, compiled, directories(moduleDir),
                hasher(), stamps), true, runId, false);
    }

    /** Where the main module's packages are; null for any other package (its files do not change). */
    private DerivedTrace.PackageDirectories directories(String moduleDir) {
        return packagePath -> packagePath.equals(modulePath) ? moduleDir
                : packagePath.startsWith(modulePath + "/") ? AgentPaths.join(moduleDir, packagePath.substring(modulePath.length() + 1))
                : null;
    }

    private DerivedTrace.Hasher hasher() {
        return paths -> {
            Map<String, String> hashes = new HashMap<>();
            files.inspect(paths, List.of()).forEach((path, facts) -> hashes.put(path, facts.sha256()));
            return hashes;
        };
    }

    /**
     * Explains a successful build that ran without its action graph, from the recorded build of
     * the same configuration and what go left in its build cache and binaries (see {@link
     * CacheDerivedTrace}); null when they do not account for every action, and the caller traces
     * the build instead.
     */
    public Rebuilds explainFromCache(String goos, String goarch, String subject, List<String> compiled, CacheDerivedTrace.GoRecords records,
                                     String moduleDir, String runId) throws IOException, InterruptedException {
        return explainWith(goos, goarch, subject, history -> CacheDerivedTrace.derive(history, compiled, records,
                directories(moduleDir), hasher()), true, runId, false);
    }

    /** Where a build's trace comes from, given the history it is compared with. */
    private interface TraceSource {
        Optional<HashTrace> trace(BuildHistory history) throws IOException, InterruptedException;
    }

    private Rebuilds explainWith(String goos, String goarch, String subject, TraceSource source, boolean remember, String runId,
                                 boolean warnIfDamaged) throws IOException, InterruptedException {
        String path = historyPath(goos, goarch);
        try (FilePort.Lock lock = files.lock(path + ".lock", false)) {
            BuildHistory history = read(path, warnIfDamaged);
            Optional<HashTrace> found = source.trace(history);
            if (found.isEmpty()) {
                return null;
            }
            HashTrace trace = found.get();
            Rebuilds rebuilds = new RebuildClassifier(subject).classify(trace, history);
            // A build that changed nothing would only rewrite the same history: skip the write.
            if (remember && !history.isNewest(trace.actions())) {
                BuildHistory updated = history.with(Instant.now().toString(), runId, trace.actions());
                byte[] content = ReportJson.writeCompact(StoredHistory.of(updated));
                if (history.builds().isEmpty()) {
                    forgetLegacyHistory(path);
                }
                files.writeAtomically(path, content);
                FileEntry written = files.entry(path);
                if (written != null) {
                    RECENT.put(path, written, updated);
                }
                files.writeAtomically(path + NEWEST, ReportJson.write(new Newest(content.length, reused(updated))));
            }
            return rebuilds;
        }
    }

    /**
     * The causes of a build in which go compiled and linked nothing: none, every package reused.
     * Null when there is no usable history, so the caller traces the build to start one.
     */
    public Rebuilds unchanged(String goos, String goarch) throws IOException, InterruptedException {
        String path = historyPath(goos, goarch);
        Newest newest = newest(path);
        if (newest != null) {
            return new Rebuilds(0, newest.reused(), 1.0, 0, java.util.List.of(), java.util.List.of());
        }
        BuildHistory history;
        try (FilePort.Lock lock = files.lock(path + ".lock", true)) {
            history = read(path, true);
        }
        if (history.builds().isEmpty()) {
            return null;
        }
        return new Rebuilds(0, reused(history), 1.0, 0, java.util.List.of(), java.util.List.of());
    }

    /** Whether a build of this module and GOOS/GOARCH is on record (in this version's history file). */
    public boolean recorded(String goos, String goarch) throws IOException, InterruptedException {
        return files.exists(historyPath(goos, goarch));
    }

    private static int reused(BuildHistory history) {
        return (int) history.builds().get(0).actionIds().keySet().stream().filter(n -> n.startsWith("build ")).count();
    }

    /**
     * The summary of the newest build, written beside the history, so that a build in which go did
     * nothing reads a few bytes instead of the whole history; trusted only while the history file
     * has the size it had when the summary was written.
     */
    record Newest(long historySize, int reused) {
    }

    private Newest newest(String historyPath) throws InterruptedException {
        try {
            FileEntry history = files.entry(historyPath);
            long size = history == null ? -1 : history.size();
            Newest newest = ReportJson.read(files.read(historyPath + NEWEST), Newest.class);
            return size >= 0 && newest.historySize() == size ? newest : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** The gzipped history of earlier versions beside this one, which nothing reads any more. */
    private void forgetLegacyHistory(String path) throws IOException, InterruptedException {
        String legacy = path.substring(0, path.length() - ".history.json".length()) + ".json.gz";
        for (String file : List.of(legacy, legacy + NEWEST, legacy + ".lock")) {
            files.delete(file);
        }
    }

    private String historyPath(String goos, String goarch) {
        return AgentPaths.join(AgentPaths.join(stateDir, ShortHash.of(modulePath)), goos + "_" + goarch + ".history.json");
    }

    private BuildHistory read(String path, boolean warnIfDamaged) throws IOException, InterruptedException {
        FileEntry file = files.entry(path);
        if (file == null) {
            return BuildHistory.empty();
        }
        Optional<BuildHistory> recent = RECENT.get(path, file);
        if (recent.isPresent()) {
            return recent.get();
        }
        try {
            BuildHistory history = ReportJson.read(files.read(path), StoredHistory.class).history();
            RECENT.put(path, file, history);
            return history;
        } catch (IOException | RuntimeException e) {
            if (!warnIfDamaged) {
                return BuildHistory.empty();
            }
            warnings.accept("the build history " + path + " is unreadable (" + e.getClass().getSimpleName()
                    + "); this build is explained as having no history and replaces it");
            return BuildHistory.empty();
        }
    }
}
