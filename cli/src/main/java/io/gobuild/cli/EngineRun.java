package io.gobuild.cli;

import io.gobuild.engine.GoBuildEngine;
import io.gobuild.engine.local.LocalHost;
import io.gobuild.engine.report.BuildReport;
import io.gobuild.engine.request.UsageException;

import java.io.IOException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Runs one engine call for a command: local ports, the summary, exit codes, and Ctrl-C. */
final class EngineRun {
    private EngineRun() {
    }

    /** One call of the engine. */
    @FunctionalInterface
    interface Call {
        BuildReport run(GoBuildEngine engine) throws IOException, InterruptedException;
    }

    /** Checks options that need no engine; a bad one is printed and gives null. */
    static <T> T usage(Main.Console console, java.util.function.Supplier<T> check) {
        try {
            return check.get();
        } catch (UsageException e) {
            console.err().println("gobuild: " + e.getMessage());
            return null;
        }
    }

    static int run(Main.Console console, Call call) {
        GoBuildEngine engine = new GoBuildEngine(LocalHost.of(console.environment(), console.workingDirectory()),
                new ConsoleLog(console.err()));
        CountDownLatch finished = new CountDownLatch(1);
        Thread hook = console.ownsProcess() ? stopOnSignal(Thread.currentThread(), finished) : null;
        try {
            BuildReport report = call.run(engine);
            markClassDataReady();
            new Summary(console.out()).print(report);
            return switch (report.status()) {
                case SUCCESS -> Main.EXIT_OK;
                case FAILURE -> Main.EXIT_FAILED;
                case CANCELLED -> Main.EXIT_INTERRUPTED;
            };
        } catch (UsageException e) {
            console.err().println("gobuild: " + e.getMessage());
            return Main.EXIT_USAGE;
        } catch (InterruptedException e) {
            console.err().println("gobuild: interrupted");
            return Main.EXIT_INTERRUPTED;
        } catch (IOException e) {
            console.err().println("gobuild: " + e.getMessage());
            return Main.EXIT_FAILED;
        } finally {
            finished.countDown();
            if (hook != null && !Thread.currentThread().isInterrupted()) {
                removeQuietly(hook);
            }
        }
    }

    /**
     * Tells the launcher (bin/gobuild) that this JVM has loaded what a run loads, so the class-data
     * archive it writes at exit is worth keeping.
     */
    private static void markClassDataReady() {
        String marker = System.getProperty("gobuild.classDataReady");
        if (marker != null) {
            try {
                java.nio.file.Files.write(java.nio.file.Path.of(marker), new byte[0]);
            } catch (IOException e) {
                // Without the mark the archive is made again by a later run.
            }
        }
    }

    /** On Ctrl-C or SIGTERM, interrupts the run and waits until it has stopped its processes and written its report. */
    private static Thread stopOnSignal(Thread run, CountDownLatch finished) {
        Thread hook = new Thread(() -> {
            run.interrupt();
            try {
                finished.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "gobuild-interrupt");
        Runtime.getRuntime().addShutdownHook(hook);
        return hook;
    }

    private static void removeQuietly(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // The JVM is already shutting down; the hook has run or will run harmlessly.
        }
    }
}
