package io.gobuild.cli.daemon;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** A daemon serving in the test's own JVM, so that the test sees what it started. */
public final class DaemonServerAccess {
    private final DaemonServer server;
    private final Thread thread;
    private final Path socket;

    private DaemonServerAccess(DaemonServer server, Thread thread, Path socket) {
        this.server = server;
        this.thread = thread;
        this.socket = socket;
    }

    public static DaemonServerAccess start(Path socket, long idleSeconds) throws Exception {
        DaemonServer server = new DaemonServer(socket, idleSeconds * 1000);
        Thread thread = new Thread(() -> {
            try {
                server.serve();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }, "test-daemon");
        thread.setDaemon(true);
        thread.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!Files.exists(socket) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        return new DaemonServerAccess(server, thread, socket);
    }

    public int runs() {
        return server.runs();
    }

    /** Removes the socket, as the test's clean-up would, and waits for the daemon to notice and stop. */
    public void stop() throws Exception {
        Files.deleteIfExists(socket);
        thread.join(TimeUnit.SECONDS.toMillis(10));
    }
}
