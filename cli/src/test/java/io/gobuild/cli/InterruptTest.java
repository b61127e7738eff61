package io.gobuild.cli;

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

/** Ctrl-C on the real command line: a separate JVM, a real signal, a cold cache so that go is busy. */
class InterruptTest {
    @TempDir
    Path temp;

    @Test
    void ctrlCStopsEveryGoCompileAndLinkProcessAndWritesACancelledReport() throws Exception {
        Path module = GoTestSupport.copyExample(temp);
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder builder = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "build", "-t", "linux/amd64,linux/arm64", module.toString())
                .redirectErrorStream(true).redirectOutput(temp.resolve("cli.log").toFile());
        Map<String, String> env = builder.environment();
        env.clear();
        env.putAll(GoTestSupport.environment());
        env.put("XDG_CACHE_HOME", temp.resolve("cold-cache-home").toString());
        Process cli = builder.start();

        waitForCompiler(cli.toHandle());
        List<ProcessHandle> tree = new ArrayList<>(cli.toHandle().descendants().toList());
        new ProcessBuilder("kill", "-INT", Long.toString(cli.pid())).start().waitFor();

        assertThat(cli.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(cli.exitValue()).as(Files.readString(temp.resolve("cli.log"))).isEqualTo(130);
        assertThat(tree).isNotEmpty().noneMatch(ProcessHandle::isAlive);
        assertThat(ProcessHandle.allProcesses().filter(p -> p.info().arguments()
                .map(a -> String.join(" ", a).contains(temp.toString())).orElse(false)).toList()).isEmpty();
        assertThat(module.resolve("dist/build-report.json")).as(Files.readString(temp.resolve("cli.log"))).exists();
        assertThat(Files.readString(module.resolve("dist/build-report.json"))).contains("\"status\" : \"CANCELLED\"");
    }

    private static void waitForCompiler(ProcessHandle cli) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            if (cli.descendants().anyMatch(p -> p.info().command().map(c -> c.endsWith("/compile")).orElse(false))) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the go command never started the compiler");
    }
}
