package io.gobuild.engine.pipeline;

import io.gobuild.engine.port.Host;
import io.gobuild.engine.port.LogSink;
import io.gobuild.engine.report.BuildReport;
import io.gobuild.engine.report.StageTime;
import io.gobuild.engine.request.BuildRequest;
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

    public static BuildPipeline standard() {
        return new BuildPipeline(List.of(new RequestStage(), new ToolchainStage(), new MatrixStage(),
                new SourceStage(), new PackagesStage(), new PlanStage(), new CompileStage(), new ReportStage()));
    }

    public List<String> stageNames() {
        return stages.stream().map(Stage::name).toList();
    }

    public BuildReport run(Host host, LogSink log, BuildRequest request) throws IOException, InterruptedException {
        SecretMasker masker = SecretMasker.forEnvironment(host.environment()).withEntries(request.env());
        for (var override : request.overrides()) {
            masker = masker.withEntries(override.env());
        }
        LogSink masked = masking(log, masker);
        BuildContext context = new BuildContext(host, masked, request, UUID.randomUUID().toString(), Instant.now());
        for (Stage stage : stages) {
            long start = System.nanoTime();
            stage.run(context);
            context.stageTimes.add(new StageTime(stage.name(), (System.nanoTime() - start) / 1_000_000));
        }
        return context.report;
    }

    private static LogSink masking(LogSink log, SecretMasker masker) {
        return new LogSink() {
            @Override
            public void info(String line) {
                log.info(masker.mask(line));
            }

            @Override
            public void warn(String line) {
                log.warn(masker.mask(line));
            }
        };
    }
}
