package io.gobuild.jenkins;

import hudson.model.TaskListener;
import io.gobuild.engine.GoBuildEngine;
import io.gobuild.engine.local.LocalHost;
import io.gobuild.engine.publish.PublishRequest;
import io.gobuild.engine.report.ReportJson;
import jenkins.security.MasterToSlaveCallable;

import java.io.IOException;
import java.util.Map;

/**
 * Publishing runs as one unit on the agent, where the binaries are, so archives stream from there
 * to the destination; log lines come back through the listener, and the report as JSON.
 */
final class PublishOnAgent extends MasterToSlaveCallable<byte[], IOException> {
    private static final long serialVersionUID = 1L;
    private final PublishRequest request;
    private final TaskListener listener;

    PublishOnAgent(PublishRequest request, TaskListener listener) {
        this.request = request;
        this.listener = listener;
    }

    @Override
    public byte[] call() throws IOException {
        GoBuildEngine engine = new GoBuildEngine(LocalHost.of(Map.of(), request.workingDirectory()), new ListenerLog(listener));
        try {
            return ReportJson.write(engine.publish(request));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("the publish was interrupted", e);
        }
    }
}
