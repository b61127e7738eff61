package io.gobuild.engine.pipeline;

import io.gobuild.engine.secret.MaskingLog;
import io.gobuild.engine.port.Host;
import io.gobuild.engine.port.LogSink;
import io.gobuild.engine.build.TargetBuilder;
import io.gobuild.engine.report.BuildReport;
import io.gobuild.engine.report.BuildReport.RunStatus;
import io.gobuild.engine.report.StageTime;
import io.gobuild.engine.request.BuildRequest;
import io.gobuild.engine.secret.Redactor;
import io.gobuild.engine.secret.SecretMasker;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The stages of a build run, in order. */
public final class BuildPipeline {
    private final List<Stage> stages;

    private BuildPipeline(List<Stage> stages) {
        this.stages = List.copyOf(stages);
    }

    /** gobuild build: verify the module and build the matrix; nothing built is delivered before the verdict. */
    public static BuildPipeline standard() {
        return new BuildPipeline(List.of(new RequestStage(), new ModuleStage(), new ToolchainStage(), new MatrixStage(),
                new VerifyStage(), new SourceStage(), new PackagesStage(), new PlanStage(), new SkipsStage(), new CompileStage(),
                new ReportStage()));
    }

    /** gobuild verify: the module checks alone, in a report of the same schema without targets. */
    public static BuildPipeline verifyOnly() {
        return new BuildPipeline(List.of(new RequestStage(), new ToolchainStage(), new VerifyStage(), new ReportStage()));
    }

    public List<String> stageNames() {
        return stages.stream().map(Stage::name).toList();
    }

    public BuildReport run(Host host, LogSink log, BuildRequest request) throws IOException, InterruptedException {
        SecretMasker masker = SecretMasker.forEnvironment(host.environment()).withEntries(request.env());
        masker = masker.with(Redactor.ldflagsSecrets(request.ldflags()));
        for (var override : request.overrides()) {
            masker = masker.withEntries(override.env()).with(Redactor.ldflagsSecrets(override.ldflags() == null ? "" : override.ldflags()));
        }
        MaskingLog masked = new MaskingLog(log, masker);
        BuildContext context = new BuildContext(host, masked, request, UUID.randomUUID().toString(), Instant.now());
        context.kind = stages.stream().anyMatch(s -> s instanceof CompileStage) ? "BUILD" : "VERIFY";
        try {
            for (Stage stage : stages) {
                long start = System.nanoTime();
                try {
                    stage.run(context);
                } catch (IOException | RuntimeException e) {
                    // A stage that ran while the module was verified may have failed for the reason
                    // verification names (a missing go.sum entry, say): its verdict comes first.
                    if (context.pendingVerification == null) {
                        throw e;
                    }
                    VerifyStage.await(context);
                    if (!context.verificationFailed()) {
                        throw e;
                    }
                }
                context.stageTimes.add(new StageTime(stage.name(), (System.nanoTime() - start) / 1_000_000));
            }
        } catch (InterruptedException e) {
            return cancelled(context, e);
        } finally {
            // A stage that failed must not leave background work waiting for targets that never build,
            // nor let it start more.
            context.stopping = true;
            context.hostTargetBuilt.countDown();
            VerifyStage.cancel(context);
            SkipsStage.cancel(context);
        }
        return context.report;
    }

    /**
     * An interrupt before the targets compiled: stop what runs in the background, and still write
     * the report (when the run got far enough to know where), with every target SKIPPED.
     */
    private BuildReport cancelled(BuildContext context, InterruptedException interrupt) throws IOException, InterruptedException {
        VerifyStage.cancel(context);
        SkipsStage.cancel(context);
        if (context.reportPath == null) {
            throw interrupt;
        }
        context.status = RunStatus.CANCELLED;
        context.results = context.targets.stream().map(TargetBuilder::skipped).toList();
        context.log.warn("interrupted before the targets compiled");
        Thread.interrupted();
        try {
            new ReportStage().run(context);
        } finally {
            Thread.currentThread().interrupt();
        }
        return context.report;
    }

}
