package io.gobuild.engine.port;

import java.io.IOException;

/**
 * Runs processes where the Go toolchain lives: the local machine for the CLI, the agent or a
 * container reached through a Launcher in Jenkins. One call is one process, start to exit.
 */
public interface CommandPort {
    /**
     * Runs the command to its end and streams its output lines.
     *
     * @return the exit code
     * @throws ProgramNotFoundException when the program cannot be started because it does not exist
     * @throws InterruptedException when the calling thread is interrupted; the process and every
     *     process it started have been stopped by then
     */
    int run(Command command, LineSink stdout, LineSink stderr) throws IOException, InterruptedException;

    /** The program of a command was not found. */
    final class ProgramNotFoundException extends IOException {
        private static final long serialVersionUID = 1L;

        public ProgramNotFoundException(String message) {
            super(message);
        }
    }
}
