package io.gobuild.cli;

import io.gobuild.cli.daemon.DaemonClient;
import io.gobuild.cli.daemon.DaemonServerAccess;
import io.gobuild.engine.support.GoTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The daemon and its client, as separate processes on a real socket: a build runs in the daemon
 * with the client's directory and environment, a usage error keeps its one line and exit code 2,
 * Ctrl-C on the client stops every go process the daemon started for it, and bin/gobuild starts a
 * daemon that serves its next runs, stops when its socket is removed and then writes the class-data
 * archive that no run had to wait for.
 */
class DaemonTest {
    @TempDir
    Path temp;
    private DaemonServerAccess daemon;

    /** A daemon in this JVM on a socket in the test's directory. */
    private Path startDaemon() throws Exception {
        Path socket = temp.resolve("d/s.sock");
        daemon = DaemonServerAccess.start(socket, 60);
        return socket;
    }

    @org.junit.jupiter.api.AfterEach
    void stopDaemon() throws Exception {
        if (daemon != null) {
            daemon.stop();
        }
    }

    private record Client(Process process, Path out, Path err) {
        int await() throws Exception {
            assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
            return process.exitValue();
        }

        String stdout() throws Exception {
            return Files.readString(out);
        }

        String stderr() throws Exception {
            return Files.readString(err);
        }
    }

    private Client client(Path socket, Path directory, Map<String, String> environment, String... args) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
                DaemonClient.class.getName(), socket.toString()));
        command.addAll(List.of(args));
        Path out = Files.createTempFile(temp, "out", ".txt");
        Path err = Files.createTempFile(temp, "err", ".txt");
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().clear();
        builder.environment().putAll(environment);
        return new Client(builder.start(), out, err);
    }

    @Test
    void runsBuildsWithTheClientsDirectoryAndEnvironmentAndKeepsUsageErrors() throws Exception {
        Path module = GoTestSupport.copyExample(temp);
        Path socket = startDaemon();
        Map<String, String> env = GoTestSupport.environment();
        env.put("HELLO_SECRET_TOKEN", "s3cr3t-value");
        Client build = client(socket, module, env, "build", ".", "-t", "linux/amd64", "--out", "from-client");
        assertThat(build.await()).as(build.stderr()).isZero();
        assertThat(build.stdout()).contains("linux/amd64").contains("SUCCESS");
        assertThat(module.resolve("from-client/linux_amd64/hello")).isRegularFile();
        assertThat(module.resolve("from-client/build-report.json")).isRegularFile();
        assertThat(Files.readString(module.resolve("from-client/build-report.json"))).doesNotContain("s3cr3t-value");
        assertThat(daemon.runs()).isEqualTo(1);

        Client usage = client(socket, module, env, "build", ".", "-t", "linux/amd46");
        assertThat(usage.await()).isEqualTo(2);
        List<String> lines = usage.stderr().strip().lines().toList();
        assertThat(lines.get(lines.size() - 1)).startsWith("gobuild: unknown target 'linux/amd46'").contains("linux/amd64");
        assertThat(daemon.runs()).isEqualTo(2);
    }

    @Test
    void ctrlCOnTheClientStopsTheGoProcessesTheDaemonStartedAndTheReportSaysCancelled() throws Exception {
        Path module = GoTestSupport.copyExample(temp);
        Path socket = startDaemon();
        Map<String, String> env = GoTestSupport.environment();
        env.put("XDG_CACHE_HOME", temp.resolve("cold-cache-home").toString());
        Client build = client(socket, module, env, "build", ".", "-t", "linux/amd64,linux/arm64");
        waitForCompiler();
        new ProcessBuilder("kill", "-INT", Long.toString(build.process().pid())).start().waitFor();

        assertThat(build.await()).as(build.stderr()).isEqualTo(130);
        assertThat(goProcessesOf(temp)).isEmpty();
        assertThat(Files.readString(module.resolve("dist/build-report.json"))).contains("\"status\" : \"CANCELLED\"");
    }

    @Test
    void aSocketNobodyListensOnRunsTheCommandHereAndIsRemovedOnlyOnceItIsOld() throws Exception {
        Path fresh = temp.resolve("fresh.sock");
        Path old = temp.resolve("old.sock");
        for (Path socket : List.of(fresh, old)) {
            // Bound and closed: the file stays, as a daemon that died leaves it.
            try (var server = java.nio.channels.ServerSocketChannel.open(java.net.StandardProtocolFamily.UNIX)) {
                server.bind(java.net.UnixDomainSocketAddress.of(socket));
            }
        }
        Files.setLastModifiedTime(old, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() - 60_000));
        Map<String, String> env = GoTestSupport.environment();

        Client first = client(fresh, temp, env, "build", ".", "-t", "linux/amd46");
        Client second = client(old, temp, env, "build", ".", "-t", "linux/amd46");

        assertThat(first.await()).as("run here: a usage error").isEqualTo(2);
        assertThat(second.await()).isEqualTo(2);
        assertThat(fresh).as("maybe a daemon between binding and listening").exists();
        assertThat(old).as("a dead daemon's").doesNotExist();
    }

    @Test
    void theLauncherStartsADaemonThatServesTheNextRunsAndStopsWhenItsSocketGoes() throws Exception {
        Path module = GoTestSupport.copyExample(temp);
        Path xdg = temp.resolve("x");
        Map<String, String> env = GoTestSupport.environment();
        String cacheHome = env.get("XDG_CACHE_HOME") + "/gobuild";
        env.put("XDG_CACHE_HOME", xdg.toString());
        env.put("GOBUILD_JAR", pathingJar().toString());
        env.put("JAVA_HOME", System.getProperty("java.home"));
        env.remove("GOBUILD_DAEMON");
        Path daemonDir = xdg.resolve("gobuild/jvm/daemon");
        for (int run = 1; run <= 3; run++) {
            ProcessBuilder builder = new ProcessBuilder("sh", GoTestSupport.repositoryRoot().resolve("bin/gobuild").toString(),
                    "build", ".", "-t", "linux/amd64", "--cache-dir", cacheHome).directory(module.toFile())
                    .redirectOutput(temp.resolve("out" + run).toFile()).redirectError(temp.resolve("err" + run).toFile());
            builder.environment().clear();
            builder.environment().putAll(env);
            Process launcher = builder.start();
            while (run == 1 && launcher.isAlive()) {
                assertThat(daemonJvm(daemonDir)).as("the daemon starts once the run that found none has ended").isEmpty();
                Thread.sleep(20);
            }
            assertThat(launcher.waitFor(120, TimeUnit.SECONDS)).isTrue();
            assertThat(launcher.exitValue()).as(Files.readString(temp.resolve("err" + run))).isZero();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (socketIn(daemonDir) == null) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("the daemon never listened; its log: " + daemonLog(daemonDir));
                }
                Thread.sleep(50);
            }
        }
        Path log;
        try (var files = Files.list(daemonDir)) {
            log = files.filter(f -> f.toString().endsWith(".log")).findFirst().orElseThrow();
        }
        assertThat(Files.readAllLines(log)).as("runs served by the daemon").hasSizeGreaterThanOrEqualTo(2)
                .allMatch(line -> line.contains("gobuild build in " + module));
        ProcessHandle server = daemonJvm(daemonDir).orElseThrow();

        Path jvmDir = xdg.resolve("gobuild/jvm");
        assertThat(archivesIn(jvmDir)).as("no run waits for a class-data archive at its exit").isEmpty();

        Files.delete(socketIn(daemonDir));
        assertThat(server.onExit().get(20, TimeUnit.SECONDS).isAlive()).isFalse();
        assertThat(archivesIn(jvmDir)).as("the daemon wrote the archive as it stopped")
                .singleElement().asString().endsWith(".jsa." + server.pid());

        env.put("GOBUILD_DAEMON", "0");
        ProcessBuilder next = new ProcessBuilder("sh", GoTestSupport.repositoryRoot().resolve("bin/gobuild").toString(),
                "build", ".", "-t", "linux/amd46").directory(module.toFile()).redirectErrorStream(true)
                .redirectOutput(temp.resolve("out-next").toFile());
        next.environment().clear();
        next.environment().putAll(env);
        assertThat(next.start().waitFor()).isEqualTo(2);
        assertThat(archivesIn(jvmDir)).as("the next launch promoted it").singleElement().asString().matches("gobuild-\\d+\\.jsa");
    }

    private static java.util.Optional<ProcessHandle> daemonJvm(Path daemonDir) {
        return ProcessHandle.allProcesses().filter(p -> p.info().command().map(c -> c.endsWith("java")).orElse(false))
                .filter(p -> p.info().arguments().map(a -> String.join(" ", a)).map(a -> a.contains("DaemonServer")
                        && a.contains(daemonDir.toString())).orElse(false)).findFirst();
    }

    private static List<String> archivesIn(Path dir) throws Exception {
        try (var files = Files.list(dir)) {
            return files.map(f -> f.getFileName().toString()).filter(name -> name.contains(".jsa")).sorted().toList();
        }
    }

    /** A jar that names this test's class path, so the launcher runs the classes under test (no shaded jar before package). */
    private Path pathingJar() throws Exception {
        java.util.jar.Manifest manifest = new java.util.jar.Manifest();
        manifest.getMainAttributes().put(java.util.jar.Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(java.util.jar.Attributes.Name.MAIN_CLASS, Main.class.getName());
        manifest.getMainAttributes().put(java.util.jar.Attributes.Name.CLASS_PATH,
                java.util.Arrays.stream(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
                        .map(entry -> Path.of(entry).toAbsolutePath().toUri().toString())
                        .collect(java.util.stream.Collectors.joining(" ")));
        Path jar = temp.resolve("gobuild.jar");
        try (var out = new java.util.jar.JarOutputStream(Files.newOutputStream(jar), manifest)) {
            out.flush();
        }
        return jar;
    }

    private static String daemonLog(Path dir) throws Exception {
        if (!Files.isDirectory(dir)) {
            return "(no daemon directory)";
        }
        try (var files = Files.list(dir)) {
            List<Path> logs = files.filter(f -> f.toString().endsWith(".log")).toList();
            return logs.isEmpty() ? "(none)" : Files.readString(logs.get(0));
        }
    }

    private static Path socketIn(Path dir) throws Exception {
        if (!Files.isDirectory(dir)) {
            return null;
        }
        try (var files = Files.list(dir)) {
            return files.filter(f -> f.toString().endsWith(".sock")).findFirst().orElse(null);
        }
    }

    private static void waitFor(java.util.concurrent.Callable<Boolean> condition, String what) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!condition.call()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("never came: " + what);
            }
            Thread.sleep(50);
        }
    }

    private static List<ProcessHandle> goProcessesOf(Path temp) {
        return ProcessHandle.allProcesses().filter(p -> p.info().arguments()
                .map(a -> String.join(" ", a).contains(temp.toString())).orElse(false))
                .filter(p -> p.info().command().map(c -> !c.endsWith("java")).orElse(true)).toList();
    }

    /** Waits until this JVM (the daemon's, in this test) runs the compiler. */
    private static void waitForCompiler() throws Exception {
        waitFor(() -> ProcessHandle.current().descendants()
                .anyMatch(p -> p.info().command().map(c -> c.endsWith("/compile")).orElse(false)), "the compiler");
    }
}
