package io.gobuild.jenkins;

import hudson.model.TaskListener;
import io.gobuild.engine.port.LogSink;

import java.io.PrintStream;

/** The engine's log lines into the build log; the engine has masked secrets already. */
final class ListenerLog implements LogSink {
    private final PrintStream logger;

    ListenerLog(TaskListener listener) {
        this.logger = listener.getLogger();
    }

    @Override
    public void info(String line) {
        synchronized (logger) {
            logger.println(line);
        }
    }

    @Override
    public void warn(String line) {
        synchronized (logger) {
            logger.println("WARNING: " + line);
        }
    }
}
