package io.gobuild.jenkins;

import io.gobuild.engine.port.AgentPaths;
import io.gobuild.engine.port.FilePort;

import java.io.IOException;

/**
 * A private directory under the workspace's @tmp (which containers see, unlike the agent root) for
 * secret material a step puts on the agent; removed when the step ends, however it ends.
 */
final class PrivateTemp implements AutoCloseable {
    private final FilePort files;
    private final String parent;
    private String directory;

    PrivateTemp(StepRuntime runtime) {
        this.files = new RemoteFilePort(runtime.channel());
        this.parent = runtime.place.tempDir();
    }

    /** Writes a file readable by the owner only and returns its path on the agent. */
    String write(String name, byte[] content) throws IOException, InterruptedException {
        if (directory == null) {
            directory = files.createTempDirectory(parent, "gobuild-secrets");
        }
        String path = AgentPaths.join(directory, name);
        files.writePrivate(path, content);
        return path;
    }

    @Override
    public void close() throws IOException, InterruptedException {
        if (directory == null) {
            return;
        }
        // An aborted step still removes its secrets: clear the interrupt for the call, then restore it.
        boolean interrupted = Thread.interrupted();
        try {
            files.delete(directory);
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
