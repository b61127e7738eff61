package io.gobuild.engine.port;

/**
 * Where the engine's progress and the tools' output go: a terminal for the CLI, a build log in
 * Jenkins. Implementations must accept calls from several threads.
 */
public interface LogSink {
    void info(String line);

    void warn(String line);

    /** A sink that prefixes every line, so parallel targets stay readable. */
    default LogSink prefixed(String prefix) {
        LogSink outer = this;
        return new LogSink() {
            @Override
            public void info(String line) {
                outer.info(prefix + line);
            }

            @Override
            public void warn(String line) {
                outer.warn(prefix + line);
            }
        };
    }
}
