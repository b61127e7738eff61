package io.gobuild.engine.build;

import io.gobuild.engine.build.Ldflags.Stamp;
import io.gobuild.engine.explain.ActionGraph;
import io.gobuild.engine.explain.ActionGraphReader;
import io.gobuild.engine.explain.HashTrace;
import io.gobuild.engine.explain.HashTraceReader;
import io.gobuild.engine.port.Command;
import io.gobuild.engine.matrix.Target;
import io.gobuild.engine.port.AgentPaths;
import io.gobuild.engine.port.CommandPort;
import io.gobuild.engine.port.Concurrently;
import io.gobuild.engine.port.FileEntry;
import io.gobuild.engine.port.FileFacts;
import io.gobuild.engine.port.FilePort;
import io.gobuild.engine.port.LineSink;
import io.gobuild.engine.port.LogSink;
import io.gobuild.engine.report.Artifact;
import io.gobuild.engine.report.BuildInfo;
import io.gobuild.engine.report.CompileError;
import io.gobuild.engine.report.Rebuilds;
import io.gobuild.engine.report.TargetResult;
import io.gobuild.engine.report.TargetStatus;
import io.gobuild.engine.report.Warning;
import io.gobuild.engine.report.Warning.WarningKind;
import io.gobuild.engine.secret.Redactor;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Builds one target: one `go build` for all of its main packages into the target's persistent build
 * directory, then places the binaries that changed (a copy under a temporary name, renamed) and
 * reads back what they are (size, sha256, embedded build info, ldflags stamps).
 */
public final class TargetBuilder {
    private static final int MAX_KEPT_ERROR_LINES = 2000;
    /** What `go build -v` prints for each package it compiles: the bare import path. */
    private static final java.util.regex.Pattern VERBOSE_PACKAGE = java.util.regex.Pattern.compile("^[A-Za-z0-9._~+-]+(/[A-Za-z0-9._~+-]+)*$");
    private final CommandPort commands;
    private final FilePort files;
    private final String goProgram;
    private final String moduleDir;
    private final KnownArtifacts known;
    private final MemoryLimit memoryLimit;

    /** The GOMEMLIMIT of each go build's processes ({@link GoMemory}), empty for go's defaults; asked when go has work. */
    public interface MemoryLimit {
        Optional<String> get() throws InterruptedException;
    }

    public TargetBuilder(CommandPort commands, FilePort files, String goProgram, String moduleDir, KnownArtifacts known,
                         MemoryLimit memoryLimit) {
        this.commands = commands;
        this.files = files;
        this.goProgram = goProgram;
        this.moduleDir = moduleDir;
        this.known = known;
        this.memoryLimit = memoryLimit;
    }

    /**
     * Builds the target. When explaining, go also prints what it compiles (-v) and, unless only file
     * contents changed since the last build here, writes its action graph beside the build; the
     * rebuild causes come from go's build cache and binaries or from the graph, with the agent's
     * history, and only when they do not account for every change from a traced no-op build afterwards.
     *
     * @param startOffsetMs when this target started, counted from the build's start (for timelines)
     * @param afterGo       told when the go build itself has exited, and asked before anything of it
     *                      is reported or delivered
     * @throws InterruptedException when interrupted; every process it started is stopped by then
     */
    public TargetResult build(TargetPlan plan, LogSink log, Consumer<Warning> warnings, long startOffsetMs,
                              Explanation explanation, AfterGo afterGo)
            throws IOException, InterruptedException {
        long start = System.nanoTime();
        if (plan.outputs().isEmpty()) {
            return failed(plan, "no main package builds for " + plan.target().id()
                    + ": build constraints exclude all their Go files", 0, startOffsetMs);
        }
        List<String> argv = new ArrayList<>(List.of(goProgram));
        argv.addAll(plan.goArgs());
        String graphFile = AgentPaths.join(plan.buildDir(), ".gobuild-actions.json");
        String traceFile = traceFile(plan);
        // A target with no build on record needs go's whole trace, and the build itself writes it:
        // no second, traced build follows (its compiler errors reach the log when it ends).
        boolean traceItself = explanation != null && !explanation.recorded(plan.target());
        boolean work = explanation != null && !traceItself && explanation.expectsWork(plan);
        // Only file contents changed since the last build here: go's records explain it, no graph needed.
        boolean derive = work && explanation.derivable(plan);
        boolean graph = work && !derive;
        if (explanation != null) {
            argv.add(2, "-v");
        }
        if (graph) {
            argv.add(3, "-debug-actiongraph=" + graphFile);
        }
        files.createDirectories(plan.buildDir());
        List<String> builtPaths = plan.outputs().stream().map(PlannedOutput::builtPath).toList();
        Map<String, FileEntry> before = explanation == null ? Map.of() : entries(builtPaths);
        List<String> stderr = new ArrayList<>();
        List<String> compiled = new ArrayList<>();
        LineSink errors = line -> {
            if (explanation != null && VERBOSE_PACKAGE.matcher(line).matches()) {
                compiled.add(line);
                return;
            }
            log.info(line);
            synchronized (stderr) {
                if (stderr.size() < MAX_KEPT_ERROR_LINES) {
                    stderr.add(line);
                }
            }
        };
        int exit = -1;
        try {
            exit = traceItself
                    ? commands.run(new Command(argv, traced(building(plan)), moduleDir, traceFile), log::info, line -> { })
                    : commands.run(new Command(argv, building(plan), moduleDir), log::info, errors);
        } finally {
            afterGo.exited(exit);
        }
        if (!afterGo.mayDeliver()) {
            return notRun(plan, TargetStatus.SKIPPED, 0, startOffsetMs);
        }
        if (traceItself && exit != 0) {
            readTrace(traceFile).otherLines().forEach(errors::line);
        }
        if (exit != 0) {
            return finished(plan, TargetStatus.FAILURE, exit, start, startOffsetMs, new CompileErrorParser().parse(stderr), List.of());
        }
        // The explanation and the placing of the binaries are independent: they run at once.
        Concurrently<Rebuilds> explained = null;
        if (explanation != null) {
            Map<String, FileEntry> after = entries(builtPaths);
            boolean relinked = builtPaths.stream().anyMatch(p -> !java.util.Objects.equals(identity(before.get(p)), identity(after.get(p))));
            explained = Concurrently.start(traceItself ? () -> explainTraced(explanation, plan, log, traceFile)
                    : () -> explain(explanation, plan, log, argv, graph ? graphFile : null, derive, compiled, relinked, after));
        }
        List<Artifact> artifacts;
        try {
            artifacts = inspect(plan, warnings);
        } catch (IOException | InterruptedException | RuntimeException e) {
            if (explained != null) {
                explained.cancelAndWait();
            }
            throw e;
        }
        Rebuilds rebuilds = explained == null ? null : explained.get();
        TargetResult result = finished(plan, TargetStatus.SUCCESS, exit, start, startOffsetMs, List.of(), artifacts);
        return rebuilds == null ? result : result.withRebuilds(rebuilds);
    }

    /**
     * The causes of a successful build: none when go did nothing; else from go's records of the
     * build (when only file contents changed) or the action graph go wrote (when it was asked to),
     * or from a traced no-op build when neither does.
     */
    private Rebuilds explain(Explanation explanation, TargetPlan plan, LogSink log, List<String> argv, String graphFile,
                             boolean derive, List<String> compiled, boolean relinked, Map<String, FileEntry> binaries)
            throws IOException, InterruptedException {
        Rebuilds rebuilds = compiled.isEmpty() && !relinked ? explanation.unchanged(plan.target()) : null;
        if (rebuilds == null && derive) {
            rebuilds = explanation.fromCache(plan, compiled, binaries);
        }
        if (rebuilds == null && graphFile != null) {
            rebuilds = explanation.fromGraph(plan, actionGraph(graphFile), compiled);
        }
        if (rebuilds == null) {
            log.info(plan.target().id() + ": tracing go's cache keys (no build of this target recorded here yet,"
                    + " or a change its action graph does not account for)");
            rebuilds = explanation.explain(plan.target(), trace(argv, plan, compiled), true);
        }
        return rebuilds;
    }

    /** The causes of a build that traced itself; what else go printed reaches the log now. */
    private Rebuilds explainTraced(Explanation explanation, TargetPlan plan, LogSink log, String traceFile)
            throws IOException, InterruptedException {
        HashTrace trace = readTrace(traceFile);
        trace.otherLines().forEach(log::info);
        return explanation.explain(plan.target(), new HashTrace(trace.actions(), trace.compiled(), List.of()), true);
    }

    /**
     * The cache-key trace of a build that just ran: the same go build again, now a no-op, with
     * GODEBUG=gocachehash=1 written beside the build and read there. It costs about a no-op build,
     * so it runs only when go did work that the action graph cannot explain.
     */
    private HashTrace trace(List<String> argv, TargetPlan plan, List<String> compiled) throws IOException, InterruptedException {
        String trace = traceFile(plan);
        List<String> again = argv.stream().filter(a -> !a.startsWith("-debug-actiongraph=")).toList();
        commands.run(new Command(again, traced(plan.environment()), moduleDir, trace), line -> { }, line -> { });
        return new HashTrace(readTrace(trace).actions(), compiled, List.of());
    }

    /** Where go's trace of a build is written: beside the build, on the agent, so it is read there. */
    private static String traceFile(TargetPlan plan) {
        return AgentPaths.join(plan.buildDir(), ".gobuild-trace.log");
    }

    /**
     * The environment of the go build that does a target's work: the plan's, with the memory limit.
     * Only there: the queries and no-op runs are small, and the plan's environment (the key of the
     * up-to-date check) stays free of a value that follows the agent's free memory.
     */
    private Map<String, String> building(TargetPlan plan) throws InterruptedException {
        return GoMemory.apply(plan.environment(), memoryLimit.get());
    }

    /** The environment with GODEBUG=gocachehash=1 added: go prints the inputs of every cache key. */
    private static Map<String, String> traced(Map<String, String> environment) {
        Map<String, String> env = new HashMap<>(environment);
        String godebug = env.getOrDefault("GODEBUG", "");
        env.put("GODEBUG", (godebug.isEmpty() ? "" : godebug + ",") + "gocachehash=1");
        return env;
    }

    /** A trace go wrote beside the build, read there and removed. */
    private HashTrace readTrace(String file) throws IOException, InterruptedException {
        try {
            return files.process(file, new HashTraceReader());
        } finally {
            files.delete(file);
        }
    }

    /** The action graph the build wrote beside itself, read there; an empty one when it cannot be read. */
    private ActionGraph actionGraph(String graphFile) throws InterruptedException {
        try {
            return files.process(graphFile, new ActionGraphReader());
        } catch (IOException e) {
            return ActionGraph.of(List.of());
        } finally {
            try {
                files.delete(graphFile);
            } catch (IOException e) {
                // Left for the next build of this target to overwrite.
            }
        }
    }

    private static String identity(FileEntry entry) {
        return entry == null ? null : entry.identity() + "/" + entry.size();
    }

    /** What a build's caller hears once go has exited, and decides before anything of the build is delivered. */
    public interface AfterGo {
        /**
         * go's exit code (-1 when it could not run), as soon as go has exited and before its
         * binaries are explained, placed and read back, so that the next target's go build can start.
         */
        void exited(int exit);

        /**
         * Waits until the build may be reported and its binaries placed; false drops it, and the
         * target is SKIPPED (the module failed verification while go built).
         */
        boolean mayDeliver() throws InterruptedException;
    }

    /** Turns a build's trace into its rebuild causes. */
    public interface Explanation {
        Rebuilds explain(Target target, HashTrace trace, boolean succeeded) throws IOException, InterruptedException;

        /**
         * Whether go is likely to do work for this plan, and so should write its action graph (a
         * no-op build then costs a tenth more; a build that did work needs no second, traced one).
         */
        boolean expectsWork(TargetPlan plan) throws IOException, InterruptedException;

        /**
         * Whether a build that is expected to do work can be explained without its action graph:
         * its configuration is the last successful build's here, only file contents changed.
         */
        boolean derivable(TargetPlan plan) throws IOException, InterruptedException;

        /**
         * The causes of a successful build read from go's build cache and binaries, or null when that needs a trace.
         *
         * @param binaries the binaries go left, as they are now (by built path)
         */
        Rebuilds fromCache(TargetPlan plan, List<String> compiled, Map<String, FileEntry> binaries) throws IOException, InterruptedException;

        /** The causes of a successful build read from go's action graph, or null when that needs a trace. */
        Rebuilds fromGraph(TargetPlan plan, ActionGraph graph, List<String> compiled) throws IOException, InterruptedException;

        /** The causes of a build in which go compiled and linked nothing, or null when that needs a trace (no history yet). */
        Rebuilds unchanged(Target target) throws IOException, InterruptedException;

        /** Whether a build of this target is on record here; without one only go's whole trace explains a build. */
        boolean recorded(Target target) throws IOException, InterruptedException;
    }

    /**
     * Places every binary that go rewrote (or whose placed copy was changed) under its final name,
     * and returns the facts of every placed binary: known ones from the last run, fresh ones read in
     * one pass over the files that changed.
     */
    private Map<String, FileFacts> place(TargetPlan plan, Set<String> stampValues) throws IOException, InterruptedException {
        Map<String, FileEntry> built = entries(plan.outputs().stream().map(PlannedOutput::builtPath).toList());
        Map<String, FileEntry> placed = entries(plan.outputs().stream().map(PlannedOutput::finalPath).toList());
        Map<String, FileFacts> facts = new HashMap<>();
        List<PlannedOutput> copied = new ArrayList<>();
        for (PlannedOutput output : plan.outputs()) {
            FileEntry source = built.get(output.builtPath());
            if (source == null) {
                throw new IOException("go build did not write " + output.builtPath());
            }
            Optional<FileFacts> unchanged = known.lookup(output.finalPath(), source, placed.get(output.finalPath()), stampValues);
            if (unchanged.isPresent()) {
                facts.put(output.finalPath(), unchanged.get());
            } else {
                files.copy(output.builtPath(), output.finalPath());
                copied.add(output);
            }
        }
        if (!copied.isEmpty()) {
            Map<String, FileEntry> nowPlaced = entries(copied.stream().map(PlannedOutput::finalPath).toList());
            Map<String, FileFacts> ofCopies = new HashMap<>();
            for (PlannedOutput output : copied) {
                known.ofCopy(built.get(output.builtPath()), stampValues).ifPresent(f -> ofCopies.put(output.finalPath(), f));
            }
            List<String> unknown = copied.stream().map(PlannedOutput::finalPath).filter(p -> !ofCopies.containsKey(p)).toList();
            Map<String, FileFacts> fresh = new HashMap<>(ofCopies);
            if (!unknown.isEmpty()) {
                fresh.putAll(files.inspect(unknown, List.copyOf(stampValues)));
            }
            for (PlannedOutput output : copied) {
                FileFacts f = fresh.get(output.finalPath());
                known.remember(output.finalPath(), built.get(output.builtPath()), nowPlaced.get(output.finalPath()), stampValues, f);
                facts.put(output.finalPath(), f);
            }
        }
        return facts;
    }

    /** Size, mtime and identity of files, one listing per directory. */
    private Map<String, FileEntry> entries(List<String> paths) throws IOException, InterruptedException {
        Map<String, FileEntry> entries = new HashMap<>();
        for (String dir : paths.stream().map(AgentPaths::parent).distinct().toList()) {
            for (FileEntry entry : files.list(dir)) {
                entries.put(AgentPaths.join(dir, entry.name()), entry);
            }
        }
        return entries;
    }

    private List<Artifact> inspect(TargetPlan plan, Consumer<Warning> warnings) throws IOException, InterruptedException {
        List<String> paths = plan.outputs().stream().map(PlannedOutput::finalPath).toList();
        Set<String> stampValues = plan.stamps().stream().map(Stamp::value).filter(v -> !v.isEmpty())
                .collect(Collectors.toSet());
        Map<String, FileFacts> facts = place(plan, stampValues);
        Map<String, BuildInfo> infos = buildInfo(paths, plan.environment());
        List<Artifact> artifacts = new ArrayList<>();
        for (PlannedOutput output : plan.outputs()) {
            FileFacts fact = facts.get(output.finalPath());
            for (Stamp stamp : plan.stamps()) {
                if (!stamp.value().isEmpty() && !fact.foundStrings().contains(stamp.value())) {
                    warnings.accept(new Warning(WarningKind.LDFLAGS_STAMP_MISSING, plan.target().id(),
                            "-X " + stamp.name() + " did not land in " + output.relativePath()
                                    + ": no string variable of that name is linked in (check the package path and name)"));
                }
            }
            artifacts.add(new Artifact(output.relativePath(), output.mainPackage().importPath(), output.mainPackage().binary(),
                    fact.size(), fact.sha256(), infos.get(output.finalPath())));
        }
        return artifacts;
    }

    private Map<String, BuildInfo> buildInfo(List<String> paths, Map<String, String> environment)
            throws IOException, InterruptedException {
        List<String> argv = new ArrayList<>(List.of(goProgram, "version", "-m"));
        argv.addAll(paths);
        StringBuilder out = new StringBuilder();
        commands.run(new Command(argv, environment, moduleDir), line -> out.append(line).append('\n'), line -> { });
        return new BuildInfoParser().parse(out.toString());
    }

    private static TargetResult finished(TargetPlan plan, TargetStatus status, Integer exit, long startNanos,
                                         long startOffsetMs, List<CompileError> errors, List<Artifact> artifacts) {
        long durationMs = (System.nanoTime() - startNanos) / 1_000_000;
        return result(plan, status, exit, durationMs, startOffsetMs, errors, artifacts);
    }

    /** A target that did not run to its end: never started (SKIPPED) or stopped (CANCELLED). */
    public static TargetResult notRun(TargetPlan plan, TargetStatus status, long durationMs, long startOffsetMs) {
        return result(plan, status, null, durationMs, startOffsetMs, List.of(), List.of());
    }

    /** A target that never started because the run stopped before planning it (a failed verification). */
    public static TargetResult skipped(Target target) {
        return new TargetResult(target.id(), target.goos(), target.goarch(), target.variant(), TargetStatus.SKIPPED, null,
                0, 0, null, List.of(), null, List.of(), List.of(), null, null);
    }

    /** A target that could not be built for a reason outside the compiler (a file that could not be moved, say). */
    public static TargetResult failed(TargetPlan plan, String message, long durationMs, long startOffsetMs) {
        return result(plan, TargetStatus.FAILURE, null, durationMs, startOffsetMs,
                List.of(new CompileError(null, null, null, null, "gobuild: " + message)), List.of());
    }

    private static TargetResult result(TargetPlan plan, TargetStatus status, Integer exit, long durationMs,
                                       long startOffsetMs, List<CompileError> errors, List<Artifact> artifacts) {
        return new TargetResult(plan.target().id(), plan.target().goos(), plan.target().goarch(), plan.target().variant(),
                status, exit, durationMs, startOffsetMs, Redactor.ldflags(plan.ldflags()), plan.tags(), plan.cgo(),
                errors, artifacts, null, null);
    }
}
