package io.gobuild.engine.explain;

import io.gobuild.engine.port.AgentPaths;
import io.gobuild.engine.port.FilePort;
import io.gobuild.engine.port.ShortHash;
import io.gobuild.engine.report.ReportJson;
import io.gobuild.engine.report.Rebuilds;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Explains one target's build against what this agent remembers of earlier builds of the same
 * module and GOOS/GOARCH, then remembers this one. The history file is read, compared and replaced
 * under an exclusive lock, so concurrent runs on one cache home leave it consistent; a damaged
 * file is a warning and counts as no history.
 */
public final class RebuildExplainer {
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
        String path = historyPath(goos, goarch);
        try (FilePort.Lock lock = files.lock(path + ".lock", false)) {
            BuildHistory history = read(path);
            Rebuilds rebuilds = new RebuildClassifier(subject).classify(trace, history);
            // A build that changed nothing would only rewrite the same history: skip the write.
            if (remember && !history.isNewest(trace.actions())) {
                files.writeAtomically(path, gzip(ReportJson.write(history.with(Instant.now().toString(), runId, trace.actions()))));
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
        BuildHistory history;
        try (FilePort.Lock lock = files.lock(path + ".lock", true)) {
            history = read(path);
        }
        if (history.builds().isEmpty()) {
            return null;
        }
        int reused = (int) history.builds().get(0).actionIds().keySet().stream().filter(n -> n.startsWith("build ")).count();
        return new Rebuilds(0, reused, 1.0, 0, java.util.List.of(), java.util.List.of());
    }

    private String historyPath(String goos, String goarch) {
        return AgentPaths.join(AgentPaths.join(stateDir, ShortHash.of(modulePath)), goos + "_" + goarch + ".json.gz");
    }

    private BuildHistory read(String path) throws IOException, InterruptedException {
        if (!files.exists(path)) {
            return BuildHistory.empty();
        }
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(files.read(path)))) {
            BuildHistory history = ReportJson.read(in.readAllBytes(), BuildHistory.class);
            if (history.format() != BuildHistory.FORMAT) {
                return BuildHistory.empty();
            }
            return history;
        } catch (IOException | RuntimeException e) {
            warnings.accept("the build history " + path + " is unreadable (" + e.getClass().getSimpleName()
                    + "); this build is explained as having no history and replaces it");
            return BuildHistory.empty();
        }
    }

    private static byte[] gzip(byte[] content) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(content);
        }
        return bytes.toByteArray();
    }

}
