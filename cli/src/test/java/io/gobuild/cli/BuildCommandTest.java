package io.gobuild.cli;

import io.gobuild.engine.support.GoTestSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class BuildCommandTest {
    @TempDir
    Path temp;
    private Path module;

    @BeforeEach
    void copyExample() {
        module = GoTestSupport.copyExample(temp);
    }

    @Test
    void buildsTheMatrixPrintsProgressAndASummaryAndExitsZero() {
        CliRun run = CliRun.run(module, "build", "--target", "linux/amd64,windows/amd64", "--target", "darwin/arm64",
                "--ldflags", "-s -w -X main.version={{.Version}}", "--version", "2.0.0");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).containsPattern("\\[[123]/3] darwin/arm64 ok \\d+\\.\\ds");
        assertThat(run.out()).containsPattern("windows/amd64 +SUCCESS .* windows_amd64/hello.exe \\(");
        assertThat(run.out()).contains("report:   " + module.resolve("dist/build-report.json"));
        assertThat(module.resolve("dist/darwin_arm64/hello")).exists();
    }

    @Test
    void aFailingTargetExitsOneAndShowsItsFirstError() {
        GoTestSupport.write(module.resolve("internal/greet/broken_windows.go"), "package greet\n\nvar x int = \"s\"\n");

        CliRun run = CliRun.run(module, "build", "-t", "linux/amd64,windows/amd64", "--out", temp.resolve("out").toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).containsPattern("windows/amd64 +FAILURE .*internal/greet/broken_windows.go:3: cannot use \"s\"");
        assertThat(run.out()).containsPattern("linux/amd64 +SUCCESS");
    }

    @Test
    void usageAndConfigurationErrorsExitTwoWithOneLineNamingTheBadValue() throws Exception {
        Path noModule = Files.createDirectories(temp.resolve("plain"));
        Map<String, String> noGoOnPath = new HashMap<>(GoTestSupport.environment());
        noGoOnPath.put("PATH", temp.resolve("empty-bin").toString());

        assertUsageError(CliRun.run(module, "build", "-t", "linux/amd46"),
                "gobuild: unknown target 'linux/amd46': go1.", "did you mean linux/amd64");
        assertUsageError(CliRun.run(module, "build", "--ldflags", "-X main.version={{.Verison}}"),
                "gobuild: unknown ldflags variable '{{.Verison}}'", "{{.Version}}");
        assertUsageError(CliRun.run(module, "build", "does-not-exist"),
                "gobuild: module directory 'does-not-exist' does not exist", "go.mod");
        assertUsageError(CliRun.run(module, "build", noModule.toString()), "gobuild: '" + noModule + "' has no go.mod", "Go module");
        assertUsageError(CliRun.run(module, "build", "--go", "/nonexistent/go"),
                "gobuild: no Go toolchain: /nonexistent/go is not an executable file", "Go 1.21 or newer");
        assertUsageError(CliRun.run(module, noGoOnPath, "build"),
                "gobuild: no Go toolchain: go was not found on PATH (" + temp.resolve("empty-bin") + ")", "--go PATH");
        assertUsageError(CliRun.run(module, "build", "--parallel", "many"), "gobuild: Invalid value for option '--parallel'", "--help");
        assertUsageError(CliRun.run(module, "build", "--env", "GOOS=plan9"), "gobuild: invalid env entry 'GOOS'", "choose targets");
        assertUsageError(CliRun.run(module, "build", "--buildvcs", "maybe"), "gobuild: invalid buildvcs 'maybe'", "auto, true, false");
        assertUsageError(CliRun.run(module, "build", "--package", "./cmd/nope"),
                "gobuild: cannot load package ./cmd/nope: ", "main packages, by directory (./cmd/tool)");
        assertUsageError(CliRun.run(module, "build", "--package", "./internal/greet"),
                "gobuild: not a main package: example.com/hello/internal/greet", "must be main packages");
        assertThat(module.resolve("dist")).doesNotExist();
    }

    private static void assertUsageError(CliRun run, String start, String mentions) {
        assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
        String lastLine = run.err().strip().lines().reduce((a, b) -> b).orElse("");
        assertThat(lastLine).as(run.err()).startsWith(start).contains(mentions);
        assertThat(run.err().lines()).filteredOn(l -> l.startsWith("gobuild:")).hasSize(1);
    }

    @Test
    void everyCommandHasHelp() {
        CliRun top = CliRun.run(module, "--help");
        CliRun build = CliRun.run(module, "build", "--help");

        assertThat(top.exitCode()).as(top.err() + top.out()).isZero();
        assertThat(top.out()).contains("build");
        assertThat(build.exitCode()).as(build.err() + build.out()).isZero();
        assertThat(build.out()).contains("--target", "--ldflags", "--parallel", "Exit status");
    }
}
