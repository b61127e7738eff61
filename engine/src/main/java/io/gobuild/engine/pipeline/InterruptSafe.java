package io.gobuild.engine.pipeline;

import io.gobuild.engine.port.FilePort;

import java.io.IOException;

/**
 * Writes that must happen even on an interrupted run (its report, its state): file channels refuse
 * to write on an interrupted thread, so the flag is cleared for the write and then restored.
 */
final class InterruptSafe {
    private InterruptSafe() {
    }

    static void write(FilePort files, String path, byte[] content) throws IOException, InterruptedException {
        boolean interrupted = Thread.interrupted();
        try {
            files.writeAtomically(path, content);
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
