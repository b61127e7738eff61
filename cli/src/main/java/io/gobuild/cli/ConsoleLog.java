package io.gobuild.cli;

import io.gobuild.engine.port.LogSink;

import java.io.PrintWriter;

/** The engine's log on the terminal's error stream, so stdout keeps only the summary. */
final class ConsoleLog implements LogSink {
    private final PrintWriter err;

    ConsoleLog(PrintWriter err) {
        this.err = err;
    }

    @Override
    public synchronized void info(String line) {
        err.println(line);
        err.flush();
    }

    @Override
    public synchronized void warn(String line) {
        err.println(line);
        err.flush();
    }
}
