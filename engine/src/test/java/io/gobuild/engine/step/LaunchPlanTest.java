package io.gobuild.engine.step;

import io.gobuild.engine.port.Command;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class LaunchPlanTest {
    @TempDir
    Path temp;

    @Test
    void overridesGiveExactlyTheCommandsEnvironmentOverTheAgentsOwn() {
        Map<String, String> overrides = LaunchPlan.overrides(Map.of("PATH", "/bin", "GOFLAGS", "-mod=vendor", "HOME", "/root"),
                Map.of("PATH", "/usr/local/go/bin:/bin", "HOME", "/root", "GOCACHE", "/c"));
        assertThat(overrides).containsExactlyInAnyOrderEntriesOf(Map.of("PATH", "/usr/local/go/bin:/bin", "HOME", "/root", "GOCACHE", "/c",
                "GOFLAGS", ""));
    }

    @Test
    void onUnixStderrGoesToAFileOnTheAgentThroughARealShellWithArgumentsUnquoted() throws Exception {
        Path stderr = temp.resolve("trace.txt");
        Command command = new Command(List.of("/bin/sh", "-c", "echo out; echo \"$1 $2\" >&2", "x", "it's", "a \"quoted\" $arg"),
                Map.of("PATH", "/bin:/usr/bin"), temp.toString(), stderr.toString());

        ProcessBuilder builder = new ProcessBuilder(LaunchPlan.argv(command, true)).directory(temp.toFile());
        builder.environment().clear();
        builder.environment().putAll(LaunchPlan.environment(command, true));
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes());
        String err = new String(process.getErrorStream().readAllBytes());

        assertThat(process.waitFor()).isZero();
        assertThat(out).isEqualTo("out\n");
        assertThat(err).isEmpty();
        assertThat(Files.readString(stderr)).isEqualTo("it's a \"quoted\" $arg\n");
        assertThat(LaunchPlan.argv(command, false)).isEqualTo(command.argv());
    }

    @Test
    void theProgramIsFoundOnTheCommandsPathNotTheLaunchersAndAMissingOneIsRecognised() throws Exception {
        Path bin = Files.createDirectories(temp.resolve("tools/go/bin"));
        Path fakeTool = bin.resolve("gotool");
        Files.writeString(fakeTool, "#!/bin/sh\necho from-tools \"$@\"\n");
        fakeTool.toFile().setExecutable(true);
        Map<String, String> env = Map.of("PATH", bin + ":/bin:/usr/bin");

        assertThat(run(new Command(List.of("gotool", "a b"), env, temp.toString()))).isEqualTo("0 from-tools a b\n");
        String missing = run(new Command(List.of("no-such-program-here"), env, temp.toString()));
        assertThat(LaunchPlan.programMissing(Integer.parseInt(missing.split(" ")[0]), true)).isTrue();
        assertThat(LaunchPlan.programMissing(1, true)).isFalse();
        assertThat(LaunchPlan.programMissing(127, false)).isFalse();
    }

    /** Launches as a launcher would: the JVM's own PATH, the plan's argv and environment. */
    private static String run(Command command) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(LaunchPlan.argv(command, true)).directory(Path.of(command.directory()).toFile());
        builder.environment().putAll(LaunchPlan.environment(command, true));
        Process process = builder.redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(process.getInputStream().readAllBytes());
        return process.waitFor() + " " + out;
    }
}
