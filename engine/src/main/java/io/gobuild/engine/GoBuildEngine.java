package io.gobuild.engine;

import io.gobuild.engine.pipeline.BuildPipeline;
import io.gobuild.engine.port.Host;
import io.gobuild.engine.port.LogSink;
import io.gobuild.engine.publish.PublishPipeline;
import io.gobuild.engine.publish.PublishRequest;
import io.gobuild.engine.report.BuildReport;
import io.gobuild.engine.request.BuildRequest;
import io.gobuild.engine.request.UsageException;

import java.io.IOException;

/**
 * The engine's entry point: one request in, one report out. Everything it does to the machine goes
 * through the host's ports; it is cancelled by interrupting the calling thread, and then still
 * returns (and writes) a report whose status is CANCELLED, with the thread's interrupt flag set.
 */
public final class GoBuildEngine {
    private final Host host;
    private final LogSink log;

    public GoBuildEngine(Host host, LogSink log) {
        this.host = host;
        this.log = log;
    }

    /**
     * Builds the request's matrix and writes its report.
     *
     * @throws UsageException when the request cannot be carried out as given; nothing was built
     */
    public BuildReport build(BuildRequest request) throws IOException, InterruptedException {
        return BuildPipeline.standard().run(host, log, request);
    }

    /**
     * Verifies the request's module alone and writes a report of kind VERIFY (no targets).
     *
     * @throws UsageException when the request cannot be carried out as given
     */
    public BuildReport verify(BuildRequest request) throws IOException, InterruptedException {
        return BuildPipeline.verifyOnly().run(host, log, request.toBuilder().verify(true).build());
    }

    /**
     * Packages, signs and publishes what build reports name, and writes a report of kind PUBLISH.
     * It runs on this machine, where the binaries are (in Jenkins: inside an agent-side callable).
     *
     * @throws UsageException when the request cannot be carried out; nothing was published
     */
    public BuildReport publish(PublishRequest request) throws IOException, InterruptedException {
        return new PublishPipeline().run(request, log);
    }
}
