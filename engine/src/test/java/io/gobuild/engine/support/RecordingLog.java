package io.gobuild.engine.support;

import io.gobuild.engine.port.LogSink;

import java.util.ArrayList;
import java.util.List;

/** A log that keeps every line, for assertions on what a user would read. */
public final class RecordingLog implements LogSink {
    private final List<String> lines = new ArrayList<>();

    @Override
    public synchronized void info(String line) {
        lines.add(line);
    }

    @Override
    public synchronized void warn(String line) {
        lines.add(line);
    }

    public synchronized List<String> lines() {
        return List.copyOf(lines);
    }

    public synchronized String text() {
        return String.join("\n", lines);
    }
}
