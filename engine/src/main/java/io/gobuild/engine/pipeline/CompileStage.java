package io.gobuild.engine.pipeline;

import io.gobuild.engine.build.BuildSeeds;
import io.gobuild.engine.build.GoMemory;
import io.gobuild.engine.build.PlannedOutput;
import io.gobuild.engine.build.UpToDate;
import io.gobuild.engine.build.WorkForecast;
import io.gobuild.engine.cache.QueryKey;
import io.gobuild.engine.build.KnownArtifacts;
import io.gobuild.engine.build.Ldflags;
import io.gobuild.engine.explain.ActionGraph;
import io.gobuild.engine.explain.GoBuildCache;
import io.gobuild.engine.explain.BuildStamps;
import io.gobuild.engine.explain.HashTrace;
import io.gobuild.engine.explain.RebuildExplainer;
import io.gobuild.engine.matrix.Target;
import io.gobuild.engine.report.Rebuilds;
import io.gobuild.engine.report.CacheReport;
import io.gobuild.engine.report.Warning;
import io.gobuild.engine.report.Warning.WarningKind;
import io.gobuild.engine.request.ByteSize;
import io.gobuild.engine.build.TargetBuilder;
import io.gobuild.engine.build.TargetConcurrency;
import io.gobuild.engine.build.TargetPlan;
import io.gobuild.engine.port.AgentPaths;
import io.gobuild.engine.port.FileEntry;
import io.gobuild.engine.port.FilePort;
import io.gobuild.engine.port.LogSink;
import io.gobuild.engine.report.BuildReport.RunStatus;
import io.gobuild.engine.report.TargetResult;
import io.gobuild.engine.report.TargetStatus;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Builds the targets, a bounded number at a time. A failing target never hides the others' results
 * unless fail-fast is asked for; an interrupt stops every running build and its processes.
 */
final class CompileStage implements Stage {
    static final java.time.Duration RECENTLY_USED = java.time.Duration.ofHours(2);

    @Override
    public String name() {
        return "compile";
    }

    @Override
    public void run(BuildContext context) throws IOException, InterruptedException {
        List<TargetPlan> plans = context.plans;
        if (context.verificationFailed()) {
            context.results = context.targets.stream().map(TargetBuilder::skipped).toList();
            context.status = RunStatus.FAILURE;
            context.log.warn("verification failed: no target is built");
            return;
        }
        int parallel = context.request.parallel() > 0 ? context.request.parallel()
                : TargetConcurrency.byDefault(context.host.cpus(), plans, builtHereBefore(context, plans));
        context.request = context.request.toBuilder().parallel(parallel).build();
        FilePort files = context.host.files();
        String knownPath = AgentPaths.join(context.outputState, "artifacts.json");
        String buildCache = context.cacheHome.goBuildCache();
        FilePort.TreeSize before = files.treeSize(buildCache);
        // One run at a time per output directory: two would overwrite each other's binaries. The
        // build cache is held shared, so that a trim (exclusive) never removes what a build reads.
        try (FilePort.Lock output = files.lock(AgentPaths.join(context.outputState, "lock"), false);
             FilePort.Lock cache = files.lock(context.cacheHome.cacheLock(), true)) {
            KnownArtifacts known = files.exists(knownPath) ? KnownArtifacts.read(files.read(knownPath)) : KnownArtifacts.empty();
            buildAll(context, plans, parallel, known, knownPath);
            InterruptSafe.write(files, knownPath, known.write());
        }
        if (context.verificationFailed()) {
            SkipsStage.cancel(context);
            return;
        }
        if (Thread.currentThread().isInterrupted()) {
            SkipsStage.cancel(context);
        } else {
            SkipsStage.collect(context);
            context.results = context.results.stream()
                    .map(r -> r.withSkippedFiles(context.skippedFiles.getOrDefault(r.target(), List.of()))).toList();
        }
        FilePort.TreeSize trimmed = trim(context);
        FilePort.TreeSize after = files.treeSize(buildCache);
        context.cacheReport = new CacheReport(context.cacheHome.path(), buildCache, context.cacheHome.goModCache(),
                before.files(), before.bytes(), after.files(), after.bytes(),
                context.request.cacheMaxSize().isEmpty() ? null : ByteSize.parse(context.request.cacheMaxSize(), "cacheMaxSize"),
                trimmed.files(), trimmed.bytes());
    }

    /**
     * The GOMEMLIMIT each go build's processes get, from the memory available where go runs shared
     * by every process of the targets building at once; empty (go's defaults) when the agent's
     * memory or cores are unknown, the share is small, or every target's environment chose GOGC or
     * GOMEMLIMIT itself. Read once, when the first go build starts: a run that builds nothing reads nothing.
     */
    private static final class MemoryLimitOnce implements TargetBuilder.MemoryLimit {
        private final BuildContext context;
        private final List<TargetPlan> plans;
        private final int parallel;
        private Optional<String> limit;

        MemoryLimitOnce(BuildContext context, List<TargetPlan> plans, int parallel) {
            this.context = context;
            this.plans = plans;
            this.parallel = parallel;
        }

        @Override
        public synchronized Optional<String> get() throws InterruptedException {
            if (limit == null) {
                limit = read();
            }
            return limit;
        }

        private Optional<String> read() throws InterruptedException {
            if (context.host.cpus() <= 0 || plans.stream().allMatch(p -> GoMemory.chosenByCaller(p.environment()))) {
                return Optional.empty();
            }
            Optional<String> read = GoMemory.probe(context.host.commands(), context.environment.base(), context.moduleDir)
                    .flatMap(m -> m.limitFor(GoMemory.processes(Math.min(parallel, plans.size()), context.host.cpus())));
            read.ifPresent(l -> context.log.info("go build: GOGC=off GOMEMLIMIT=" + l + " for each compile and link"
                    + " (a share of half the memory available); set GOGC or GOMEMLIMIT in env to choose otherwise"));
            context.goMemoryLimit = read.orElse(null);
            return read;
        }
    }

    /** Whether this agent has built the module for one of the targets before (its build is on record as a seed). */
    private static boolean builtHereBefore(BuildContext context, List<TargetPlan> plans) throws InterruptedException {
        BuildSeeds seeds = new BuildSeeds(context.host.files(), context.cacheHome);
        for (TargetPlan plan : plans) {
            if (seeds.find(context.modulePath, plan.target()).isPresent()) {
                return true;
            }
        }
        return false;
    }

    /**
     * Go's build cache has no size limit: with a cap, the least recently used entries go. Go bumps
     * an entry's mtime when it uses it, but at most hourly, so entries touched in the last two hours
     * stay; the exclusive lock waits for running builds.
     */
    private static FilePort.TreeSize trim(BuildContext context) throws IOException, InterruptedException {
        if (context.request.cacheMaxSize().isEmpty() || Thread.currentThread().isInterrupted()) {
            return new FilePort.TreeSize(0, 0);
        }
        long max = ByteSize.parse(context.request.cacheMaxSize(), "cacheMaxSize");
        FilePort files = context.host.files();
        try (FilePort.Lock exclusive = files.lock(context.cacheHome.cacheLock(), false)) {
            FilePort.TreeSize trimmed = files.trimOldest(context.cacheHome.goBuildCache(), max,
                    System.currentTimeMillis() - RECENTLY_USED.toMillis());
            if (trimmed.files() > 0) {
                context.log.info("cache: trimmed " + trimmed.files() + " entries (" + trimmed.bytes() / (1024 * 1024)
                        + " MiB) to keep the build cache under " + context.request.cacheMaxSize());
            }
            return trimmed;
        }
    }

    private void buildAll(BuildContext context, List<TargetPlan> plans, int parallel, KnownArtifacts known,
                          String knownPath) throws IOException, InterruptedException {
        BuildSeeds seeds = new BuildSeeds(context.host.files(), context.cacheHome);
        UpToDate upToDate = new UpToDate(context.host.files(), AgentPaths.join(context.outputState, "up-to-date"));
        Optional<String> unsupported = context.request.upToDateCheck()
                ? UpToDate.unsupported(context.host.files(), context.moduleDir, context.toolchain.versionText(),
                        context.toolchain.goEnv(), plans.isEmpty() ? List.of() : plans.get(0).goArgs(), context.request.buildvcs())
                : Optional.of("--no-up-to-date-check");
        unsupported.ifPresent(reason -> context.log.info("every target runs go build: " + reason));
        TargetResult[] results = new TargetResult[plans.size()];
        boolean[] started = new boolean[plans.size()];
        long[] startedAt = new long[plans.size()];
        TargetBuilder builder = new TargetBuilder(context.host.commands(), context.host.files(), context.request.go(),
                context.moduleDir, known, new MemoryLimitOnce(context, plans, parallel));
        RebuildExplainer explainer = new RebuildExplainer(context.host.files(), context.cacheHome.stateDir(), context.modulePath,
                message -> context.warn(new Warning(WarningKind.STATE_UNREADABLE, null, message)));
        WorkForecast forecast = new WorkForecast(context.host.files(), AgentPaths.join(context.outputState, "work"));
        // Explaining is a report's extra: when it cannot be done (the state cannot be written, say), the build still stands.
        TargetBuilder.Explanation explanation = new TargetBuilder.Explanation() {
            @Override
            public boolean expectsWork(TargetPlan plan) throws IOException, InterruptedException {
                return forecast.expectsWork(plan, workKey(context, plan));
            }

            @Override
            public Rebuilds explain(Target target, HashTrace trace, boolean succeeded) throws InterruptedException {
                try {
                    return explainer.explain(target.goos(), target.goarch(), context.modulePath + " for " + target.port(), trace,
                            succeeded, context.runId);
                } catch (IOException e) {
                    return unavailable(target, e);
                }
            }

            @Override
            public boolean derivable(TargetPlan plan) throws IOException, InterruptedException {
                // Go's records are read from its build cache directory: not there when a program keeps the cache.
                boolean cacheProgram = !plan.environment().getOrDefault("GOCACHEPROG", context.toolchain.goEnv().getOrDefault("GOCACHEPROG", "")).isEmpty();
                return !cacheProgram && forecast.sameConfiguration(plan, configurationKey(context, plan));
            }

            @Override
            public Rebuilds fromCache(TargetPlan plan, List<String> compiled, Map<String, FileEntry> entries) throws InterruptedException {
                Target target = plan.target();
                Map<String, String> binaries = new HashMap<>();
                plan.outputs().forEach(o -> binaries.put(o.mainPackage().importPath(), o.builtPath()));
                try {
                    return explainer.explainFromCache(target.goos(), target.goarch(), context.modulePath + " for " + target.port(), compiled,
                            new GoBuildCache(context.host.files(), plan.environment().get("GOCACHE"), binaries, entries), context.moduleDir,
                            context.runId);
                } catch (IOException | RuntimeException e) {
                    return null; // A source file gone since the build, say: the trace decides.
                }
            }

            @Override
            public Rebuilds fromGraph(TargetPlan plan, ActionGraph graph, List<String> compiled) throws InterruptedException {
                Target target = plan.target();
                // PATTERN=FLAGS gives flags per package: not rewritten, the trace decides.
                List<String> ldflags = plan.ldflags().startsWith("-") ? Ldflags.split(plan.ldflags()) : null;
                BuildStamps stamps = new BuildStamps(context.source.commit().isEmpty() ? null : context.source.commit(),
                        context.source.commitTime(), context.source.dirty(), ldflags);
                try {
                    return explainer.explainFromGraph(target.goos(), target.goarch(), context.modulePath + " for " + target.port(),
                            graph, compiled, context.moduleDir, stamps, context.runId);
                } catch (IOException | RuntimeException e) {
                    return null; // A source file gone since the build, say: the trace decides.
                }
            }

            @Override
            public Rebuilds unchanged(Target target) throws InterruptedException {
                try {
                    return explainer.unchanged(target.goos(), target.goarch());
                } catch (IOException e) {
                    return unavailable(target, e);
                }
            }

            @Override
            public boolean recorded(Target target) throws IOException, InterruptedException {
                return explainer.recorded(target.goos(), target.goarch());
            }

            private Rebuilds unavailable(Target target, IOException e) {
                context.warn(new Warning(WarningKind.ANALYSIS_UNAVAILABLE, target.id(), "rebuild causes unavailable: " + e.getMessage()));
                return null;
            }
        };
        // The build-tag helper waits for the host target, whose standard packages it shares.
        boolean hostInMatrix = plans.stream().anyMatch(p -> context.isHostPlatform(p.target()));
        AtomicInteger finished = new AtomicInteger();
        AtomicBoolean failedFast = new AtomicBoolean();
        // At most `parallel` go builds at once; a target's slot is free as soon as its go build has
        // exited, so the next target compiles while this one is traced, placed and read back.
        Semaphore slots = new Semaphore(parallel);
        VerdictGate verdict = new VerdictGate();
        boolean rejected = false;
        ExecutorService pool = Executors.newFixedThreadPool(plans.size(), r -> {
            Thread thread = new Thread(r, "gobuild-target");
            thread.setDaemon(true);
            return thread;
        });
        CompletionService<Integer> done = new ExecutorCompletionService<>(pool);
        List<Future<Integer>> futures = new ArrayList<>();
        boolean interrupted = false;
        try {
            // Slots are taken here, in the matrix's order; each target's task gives its slot back.
            for (int i = 0; i < plans.size(); i++) {
                int index = i;
                // The first target builds while the module is verified; the others start after the verdict.
                if (i > 0 && !verdict.awaitVerdict(context)) {
                    rejected = true;
                    break;
                }
                slots.acquire();
                if (failedFast.get()) {
                    slots.release();
                    break;
                }
                futures.add(done.submit(() -> {
                    AtomicBoolean released = new AtomicBoolean();
                    TargetPlan plan = plans.get(index);
                    TargetBuilder.AfterGo afterGo = new TargetBuilder.AfterGo() {
                        @Override
                        public void exited(int exit) {
                            // A failure counts for fail-fast before its slot lets another target start.
                            if (exit != 0 && context.request.failFast()) {
                                failedFast.set(true);
                            }
                            if (released.compareAndSet(false, true)) {
                                slots.release();
                            }
                            if (!hostInMatrix || context.isHostPlatform(plan.target())) {
                                context.hostTargetBuilt.countDown();
                            }
                        }

                        @Override
                        public boolean mayDeliver() throws InterruptedException {
                            return verdict.mayDeliver();
                        }
                    };
                    try {
                        if (failedFast.get()) {
                            return index;
                        }
                        synchronized (started) {
                            started[index] = true;
                            startedAt[index] = context.elapsedMs();
                        }
                        try {
                            LogSink log = context.log.prefixed("[" + plan.target().id() + "] ");
                            String key = unsupported.isPresent() || plan.cgo() ? null : upToDateKey(context, plan);
                            Optional<UpToDate.Recorded> recorded = key == null ? Optional.empty() : upToDate.recall(plan, key);
                            if (recorded.isPresent()) {
                                results[index] = recorded.get().result().upToDate(context.elapsedMs() - startedAt[index], startedAt[index]);
                                recorded.get().warnings().forEach(context::warn);
                                log.info("up to date: the outputs are what go would build from these files and settings; go not run");
                            } else {
                                int seeded = seeds.plant(context.modulePath, plan, known);
                                if (seeded > 0) {
                                    log.info("seeded " + seeded + " binaries from this agent's last build of " + context.modulePath
                                            + " (go relinks any whose inputs differ)");
                                }
                                List<Warning> warnings = java.util.Collections.synchronizedList(new ArrayList<>());
                                results[index] = builder.build(plan, log, w -> {
                                    warnings.add(w);
                                    context.warn(w);
                                }, startedAt[index], context.request.explain() ? explanation : null, afterGo);
                                if (results[index].status() == TargetStatus.SUCCESS) {
                                    seeds.remember(context.modulePath, plan.target(), new BuildSeeds.Seed(plan.buildDir(), knownPath));
                                    if (context.request.explain()) {
                                        forecast.remember(plan, workKey(context, plan), () -> configurationKey(context, plan));
                                    }
                                }
                                if (key != null && results[index].status() == TargetStatus.SUCCESS) {
                                    upToDate.remember(plan, key, context.moduleStamp().newestModifiedMillis(), context.moduleStampedAt(),
                                            results[index], warnings);
                                } else {
                                    upToDate.forget(plan);
                                }
                            }
                        } catch (InterruptedException e) {
                            results[index] = TargetBuilder.notRun(plan, TargetStatus.CANCELLED,
                                    context.elapsedMs() - startedAt[index], startedAt[index]);
                        } catch (IOException e) {
                            // Not go's failure (go's own errors are already in the log): say what it was.
                            context.log.warn("[" + plan.target().id() + "] gobuild: " + e.getMessage());
                            results[index] = TargetBuilder.failed(plan, e.getMessage(),
                                    context.elapsedMs() - startedAt[index], startedAt[index]);
                        }
                        if (results[index] != null && context.request.failFast() && results[index].status() == TargetStatus.FAILURE) {
                            failedFast.set(true);
                        }
                        if (!verdict.failed()) {
                            progress(context, finished.incrementAndGet(), plans.size(), results[index]);
                        }
                        return index;
                    } finally {
                        afterGo.exited(0);
                    }
                }));
            }
            if (!rejected && !verdict.awaitVerdict(context)) {
                rejected = true;
            }
            for (int i = 0; i < futures.size() && !rejected; i++) {
                int index = done.take().get();
                if (results[index] != null && context.request.failFast() && results[index].status() == TargetStatus.FAILURE) {
                    context.log.warn("fail-fast: stopping the other targets after " + results[index].target() + " failed");
                    break;
                }
            }
        } catch (InterruptedException e) {
            interrupted = true;
            context.stopping = true; // Before the gate opens below: the build-tag helper must not start now.
            context.log.warn("interrupted: stopping every running go build");
        } catch (ExecutionException e) {
            throw new IOException("building a target failed: " + e.getCause().getMessage(), e.getCause());
        } finally {
            verdict.close();
            context.hostTargetBuilt.countDown();
            futures.forEach(f -> f.cancel(true));
            pool.shutdownNow();
            awaitQuietly(pool);
        }
        if (rejected) {
            context.results = context.targets.stream().map(TargetBuilder::skipped).toList();
            context.status = RunStatus.FAILURE;
            context.log.warn("verification failed: no target is built");
            return;
        }
        List<TargetResult> all = new ArrayList<>();
        for (int i = 0; i < plans.size(); i++) {
            TargetResult result = results[i];
            if (result == null) {
                boolean ran = started[i];
                result = TargetBuilder.notRun(plans.get(i), ran ? TargetStatus.CANCELLED : TargetStatus.SKIPPED,
                        ran ? context.elapsedMs() - startedAt[i] : 0, ran ? startedAt[i] : 0);
            }
            all.add(result);
        }
        context.results = all;
        context.status = interrupted ? RunStatus.CANCELLED
                : all.stream().allMatch(r -> r.status() == TargetStatus.SUCCESS) ? RunStatus.SUCCESS : RunStatus.FAILURE;
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * What a target's outputs depend on beyond the binaries themselves: the toolchain and its go
     * env, the go arguments and Go variables, the commit go stamps, every file of the module, and
     * whether causes are explained (the result differs).
     */
    private static String upToDateKey(BuildContext context, TargetPlan plan) throws IOException, InterruptedException {
        return QueryKey.of("up-to-date v1", context.toolchain).add(context.moduleDir).add(plan.goArgs())
                .environment(plan.environment()).add(plan.outputs().stream().map(PlannedOutput::relativePath).toList())
                .add(context.source.commit() + " " + context.source.commitTime() + " " + context.source.dirty())
                .add(String.valueOf(context.request.explain())).add(context.moduleStamp().digest()).toString();
    }

    /**
     * What a target's action IDs depend on but the contents of the module's files: the work key
     * with the files' names and what go lists them by (package clauses, imports, constraints) in
     * place of their sizes and times (see {@link WorkForecast}).
     */
    private static String configurationKey(BuildContext context, TargetPlan plan) throws IOException, InterruptedException {
        return targetKey("configuration v1", context, plan, context.moduleContents());
    }

    /** What decides whether go will do work for a target, as far as it is cheap to know (see {@link WorkForecast}). */
    private static String workKey(BuildContext context, TargetPlan plan) throws IOException, InterruptedException {
        return targetKey("work v1", context, plan, context.moduleFingerprint());
    }

    /** A target's toolchain, go arguments, Go variables and commit, with the module's files as given. */
    private static String targetKey(String kind, BuildContext context, TargetPlan plan, String moduleFiles)
            throws IOException, InterruptedException {
        return QueryKey.of(kind, context.toolchain).add(context.moduleDir).add(plan.goArgs())
                .environment(plan.environment()).add(moduleFiles)
                .add(context.source.commit() + " " + context.source.commitTime() + " " + context.source.dirty()).toString();
    }

    /** Waits for the workers to stop their processes; a second interrupt does not cut that short. */
    private static void awaitQuietly(ExecutorService pool) {
        boolean interrupted = false;
        while (true) {
            try {
                if (pool.awaitTermination(60, TimeUnit.SECONDS)) {
                    break;
                }
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private static void progress(BuildContext context, int finished, int total, TargetResult result) {
        String outcome = switch (result.status()) {
            case SUCCESS -> "ok";
            case FAILURE -> "FAILED";
            case CANCELLED -> "cancelled";
            case SKIPPED -> "skipped";
        };
        context.log.info(String.format(Locale.ROOT, "[%d/%d] %s %s %.1fs", finished, total, result.target(), outcome,
                result.durationMs() / 1000.0));
    }
}
