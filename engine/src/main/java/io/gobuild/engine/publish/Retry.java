package io.gobuild.engine.publish;

import io.gobuild.engine.port.LogSink;

import java.io.IOException;

/** Retries an operation on transient failures, doubling the pause each time. */
final class Retry {
    private final int retries;
    private final long firstDelayMillis;
    private final LogSink log;

    Retry(int retries, long firstDelayMillis, LogSink log) {
        this.retries = retries;
        this.firstDelayMillis = firstDelayMillis;
        this.log = log;
    }

    /** An operation that may fail transiently with an IOException. */
    @FunctionalInterface
    interface Operation<T> {
        T run() throws IOException, InterruptedException;
    }

    /** A failure that retrying cannot cure (refused credentials, a bad request). */
    static final class Permanent extends IOException {
        private static final long serialVersionUID = 1L;

        Permanent(String message) {
            super(message);
        }
    }

    <T> T call(String what, Operation<T> operation) throws IOException, InterruptedException {
        long delay = firstDelayMillis;
        for (int attempt = 0; ; attempt++) {
            try {
                return operation.run();
            } catch (Permanent e) {
                throw e;
            } catch (IOException e) {
                if (attempt >= retries) {
                    throw new IOException(what + " failed after " + (attempt + 1) + " attempts: " + message(e), e);
                }
                log.warn("publish: " + what + " failed (" + message(e) + "); retrying in " + delay + " ms");
                Thread.sleep(delay);
                delay *= 2;
            }
        }
    }

    private static String message(IOException e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
