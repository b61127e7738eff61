package io.gobuild.engine.port;

import java.io.IOException;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * One short call (a go or git query) run on its own thread while the caller does another, so that
 * process start-up times overlap. Interrupting the caller while it waits interrupts the call too,
 * and waits until its thread (and so any process it ran) has stopped.
 */
public final class Concurrently<T> {
    private final FutureTask<T> task;
    private final Thread thread;

    private Concurrently(FutureTask<T> task, Thread thread) {
        this.task = task;
        this.thread = thread;
    }

    /** A call that may fail as the ports do. */
    @FunctionalInterface
    public interface Call<T> {
        T call() throws IOException, InterruptedException;
    }

    public static <T> Concurrently<T> start(Call<T> call) {
        FutureTask<T> task = new FutureTask<>(call::call);
        Thread thread = new Thread(task, "gobuild-query");
        thread.setDaemon(true);
        thread.start();
        return new Concurrently<>(task, thread);
    }

    public T get() throws IOException, InterruptedException {
        try {
            return task.get();
        } catch (InterruptedException e) {
            cancelAndWait(); // The processes the call started are gone when the caller goes on.
            throw e;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof InterruptedException interrupted) {
                throw interrupted;
            }
            throw new IOException(e.getCause());
        } catch (CancellationException e) {
            throw new InterruptedException("cancelled");
        }
    }

    public void cancel() {
        task.cancel(true);
    }

    /** Cancels the call and waits until its thread (and so any process it ran) has stopped. */
    public void cancelAndWait() {
        task.cancel(true);
        boolean interrupted = Thread.interrupted();
        try {
            thread.join(30_000);
        } catch (InterruptedException e) {
            interrupted = true;
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
