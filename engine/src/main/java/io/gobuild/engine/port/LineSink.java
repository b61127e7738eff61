package io.gobuild.engine.port;

/** Receives the lines of a stream as they arrive. */
@FunctionalInterface
public interface LineSink {
    LineSink DISCARD = line -> { };

    void line(String line);
}
