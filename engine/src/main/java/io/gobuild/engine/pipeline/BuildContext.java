package io.gobuild.engine.pipeline;

import io.gobuild.engine.cache.Memo;
import io.gobuild.engine.cache.QueryKey;
import io.gobuild.engine.port.AgentPaths;
import io.gobuild.engine.secret.MaskingLog;
import io.gobuild.engine.build.CacheHome;
import io.gobuild.engine.build.GoEnvironment;
import io.gobuild.engine.build.MainPackage;
import io.gobuild.engine.build.TargetPlan;
import io.gobuild.engine.matrix.Target;
import io.gobuild.engine.explain.FileVerdict;
import io.gobuild.engine.port.Concurrently;
import io.gobuild.engine.port.Host;
import io.gobuild.engine.report.BuildReport;
import io.gobuild.engine.report.BuildReport.RunStatus;
import io.gobuild.engine.report.CacheReport;
import io.gobuild.engine.report.Finding;
import io.gobuild.engine.report.SkippedFile;
import io.gobuild.engine.report.SourceInfo;
import io.gobuild.engine.report.StageTime;
import io.gobuild.engine.report.TargetResult;
import io.gobuild.engine.report.Verification;
import io.gobuild.engine.report.Warning;
import io.gobuild.engine.request.BuildRequest;
import io.gobuild.engine.toolchain.GoInvocation;
import io.gobuild.engine.toolchain.Toolchain;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * What the stages of one run share. Each stage fills in its part; later stages read what earlier
 * ones decided instead of deciding again.
 */
public final class BuildContext {
    final Host host;
    final MaskingLog log;
    final String runId;
    final Instant startedAt;
    final long startNanos;
    final List<Warning> warnings = Collections.synchronizedList(new ArrayList<>());
    final List<StageTime> stageTimes = new ArrayList<>();

    BuildRequest request;
    String moduleDir;
    String outDir;
    String reportPath;
    /** gobuild's home on this host: per output directory, the persistent build directories and known artifacts. */
    CacheHome cacheHome;
    String outputState;
    GoEnvironment environment;
    GoInvocation go;
    Toolchain toolchain;
    String modulePath;
    List<Target> targets = List.of();
    SourceInfo source;
    List<MainPackage> packages = List.of();
    /** Per target, what go lists there under the build's package patterns. */
    Map<Target, io.gobuild.engine.build.MainPackageResolver.TargetListing> targetListings = Map.of();
    List<TargetPlan> plans = List.of();
    /** The GOMEMLIMIT the go builds ran with, null for go's defaults. */
    volatile String goMemoryLimit;
    List<TargetResult> results = List.of();
    RunStatus status;
    Instant finishedAt;
    BuildReport report;
    Verification verification;
    /** The verification under way while the stages that only read the module run (see {@link VerifyStage}). */
    Concurrently<Verification> pendingVerification;
    CacheReport cacheReport;
    /** Per target id, the main module's files that target leaves out. */
    Map<String, List<SkippedFile>> skippedFiles = Map.of();
    List<Finding> findings = List.of();
    /** Build-tag helper runs under way while the targets compile. */
    Concurrently<Map<String, List<FileVerdict>>> pendingSkips;
    /** Opened when the matrix's host target (else any target) has built, or when there is none to wait for. */
    final java.util.concurrent.CountDownLatch hostTargetBuilt = new java.util.concurrent.CountDownLatch(1);
    /** Set once the run is interrupted or over: the gate above then lets nothing new start. */
    volatile boolean stopping;
    String kind = "BUILD";
    private String moduleFingerprint;
    private String moduleContents;
    private io.gobuild.engine.port.FilePort.TreeStamp moduleStamp;
    private long moduleStampedAt;
    private final Object fingerprintLock = new Object();
    private final Object contentsLock = new Object();
    private final Object stampLock = new Object();

    BuildContext(Host host, MaskingLog log, BuildRequest request, String runId, Instant startedAt) {
        this.host = host;
        this.log = log;
        this.request = request;
        this.runId = runId;
        this.startedAt = startedAt;
        this.startNanos = System.nanoTime();
    }

    /** Whether verification stopped the run: later stages then do nothing but record why. */
    boolean verificationFailed() {
        return verification != null && verification.failed();
    }

    /** Waits for the host target's build; throws when the run stops instead, so that no helper starts then. */
    void awaitHostTarget() throws InterruptedException {
        hostTargetBuilt.await();
        if (stopping) {
            throw new InterruptedException("the run is stopping");
        }
    }

    /** Whether the target is the host's own platform (any variant): its binaries run here. */
    boolean isHostPlatform(Target target) {
        return target.goos().equals(toolchain.hostOs()) && target.goarch().equals(toolchain.hostArch());
    }

    /** The module's Go and module files by name, size and time, read once per run for the memo's keys. */
    String moduleFingerprint() throws IOException, InterruptedException {
        synchronized (fingerprintLock) {
            if (moduleFingerprint == null) {
                moduleFingerprint = QueryKey.moduleFingerprint(host.files(), moduleDir);
            }
            return moduleFingerprint;
        }
    }

    /** What the module's Go and module files say that go lists them by, read once per run when needed. */
    String moduleContents() throws IOException, InterruptedException {
        synchronized (contentsLock) {
            if (moduleContents == null) {
                moduleContents = host.files().contentFingerprint(List.of(moduleDir), QueryKey.MODULE_FILES);
            }
            return moduleContents;
        }
    }

    /** The module's files as the memo's keys see them. */
    Memo.ModuleFiles moduleFiles() {
        return new Memo.ModuleFiles() {
            @Override
            public String fingerprint() throws IOException, InterruptedException {
                return moduleFingerprint();
            }

            @Override
            public String contents() throws IOException, InterruptedException {
                return moduleContents();
            }
        };
    }

    /**
     * Every file of the module (but gobuild's own output, report and cache directories) by path,
     * identity, size and time, taken once per run before anything builds, and when it was taken.
     */
    io.gobuild.engine.port.FilePort.TreeStamp moduleStamp() throws IOException, InterruptedException {
        synchronized (stampLock) {
            if (moduleStamp == null) {
                long at = System.currentTimeMillis();
                moduleStamp = host.files().stamp(moduleDir, List.of(outDir, AgentPaths.parent(reportPath), cacheHome.path()));
                moduleStampedAt = at;
            }
            return moduleStamp;
        }
    }

    long moduleStampedAt() {
        synchronized (stampLock) {
            return moduleStampedAt;
        }
    }

    /**
     * Starts reading the module's files on a thread of its own, while go answers the first queries:
     * on a large module each walk takes a noticeable part of a second, and every stage after the
     * toolchain's needs one. The contents are read only when asked for, since a memo that matches
     * the fingerprint never needs them. A walk that fails here is done again, and fails, where it is needed.
     */
    void startReadingModule(Concurrently.Call<Boolean> contentsNeeded) {
        // Nobody waits for this call: it only fills in the walks the context keeps.
        Concurrently.start(() -> {
            boolean contents = contentsNeeded.call();
            moduleFingerprint();
            moduleStamp();
            return contents ? moduleContents() : null;
        });
    }

    /** Answers of go queries kept while their inputs are unchanged. */
    Memo memo() {
        return new Memo(host.files(), AgentPaths.join(cacheHome.stateDir(), "memo"));
    }

    long elapsedMs() {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }

    void warn(Warning warning) {
        warnings.add(warning);
        log.warn("warning: " + (warning.target() == null ? "" : warning.target() + ": ") + warning.message());
    }
}
