package io.gobuild.engine.pipeline;

import io.gobuild.engine.GoBuildEngine;
import io.gobuild.engine.port.Command;
import io.gobuild.engine.port.CommandPort;
import io.gobuild.engine.port.Host;
import io.gobuild.engine.report.Artifact;
import io.gobuild.engine.report.BuildReport;
import io.gobuild.engine.report.BuildReport.RunStatus;
import io.gobuild.engine.report.TargetResult;
import io.gobuild.engine.report.Warning;
import io.gobuild.engine.report.Warning.WarningKind;
import io.gobuild.engine.request.BuildRequest;
import io.gobuild.engine.support.GoTestSupport;
import io.gobuild.engine.support.RecordingLog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The go queries gobuild remembers in the cache home (the package list, each target's main
 * packages, each target's build-tag verdicts) follow every change of the module's files, and a
 * damaged memo is only a miss. Each test's module has its own directory, so its own memo entries
 * in the shared cache home.
 */
class RememberedQueriesTest {
    @TempDir
    Path temp;
    private final RecordingLog log = new RecordingLog();
    /** Every command of every build, with its environment. */
    private final List<Command> seen = new java.util.concurrent.CopyOnWriteArrayList<>();

    private BuildReport build(Path module) throws Exception {
        return build(module, new java.util.ArrayList<>());
    }

    /** A build whose commands (as typed) are added to the list. */
    private BuildReport build(Path module, List<String> commands) throws Exception {
        return build(module, commands, true);
    }

    private BuildReport build(Path module, List<String> commands, boolean upToDateCheck) throws Exception {
        Host local = GoTestSupport.host(module);
        CommandPort recording = (command, stdout, stderr) -> {
            commands.add(command.display());
            seen.add(command);
            return local.commands().run(command, stdout, stderr);
        };
        Host host = new Host(recording, local.files(), local.environment(), local.workingDirectory(), local.name(), local.os(),
                local.arch(), local.cpus());
        BuildReport report = new GoBuildEngine(host, log).build(BuildRequest.builder()
                .moduleDir(module.toString()).targets(List.of("linux/amd64", "windows/amd64")).verify(false)
                .upToDateCheck(upToDateCheck).build());
        assertThat(report.status()).as(log.text()).isEqualTo(RunStatus.SUCCESS);
        return report;
    }

    private static List<String> binaries(BuildReport report, String target) {
        return target(report, target).artifacts().stream().map(Artifact::binary).toList();
    }

    private static TargetResult target(BuildReport report, String id) {
        return report.targets().stream().filter(t -> t.target().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void aNewMainPackageAndANewConstraintAreSeenByTheNextBuild() throws Exception {
        Path module = GoTestSupport.copyExample(temp);
        List<String> commands = new java.util.concurrent.CopyOnWriteArrayList<>();
        BuildReport first = build(module, commands);
        assertThat(binaries(first, "windows/amd64")).containsExactly("hello");
        boolean hostInMatrix = List.of("linux/amd64", "windows/amd64")
                .contains(first.toolchain().hostOs() + "/" + first.toolchain().hostArch());
        assertThat(commands).as("one package list per target: the host's is the host target's")
                .filteredOn(c -> c.startsWith("go list -find -e -json=ImportPath,Name,Dir,Error,Module ")).hasSize(hostInMatrix ? 2 : 3);
        assertThat(seen).as("lists read the files, not go's module index, which the first build makes")
                .filteredOn(c -> c.display().startsWith("go list ")).isNotEmpty()
                .allSatisfy(c -> assertThat(c.environment().get("GODEBUG")).isEqualTo("goindex=0"));
        assertThat(seen).filteredOn(c -> c.display().startsWith("go build ")).isNotEmpty()
                .allSatisfy(c -> assertThat(c.environment().getOrDefault("GODEBUG", "")).doesNotContain("goindex"));
        assertThat(binaries(build(module), "windows/amd64")).as("remembered").containsExactly("hello");

        GoTestSupport.write(module.resolve("cmd/tool/main.go"), "package main\n\nfunc main() {}\n");
        BuildReport added = build(module);
        assertThat(binaries(added, "linux/amd64")).containsExactlyInAnyOrder("hello", "tool");
        assertThat(binaries(added, "windows/amd64")).containsExactlyInAnyOrder("hello", "tool");

        GoTestSupport.write(module.resolve("cmd/tool/main.go"), "//go:build linux\n\npackage main\n\nfunc main() {}\n");
        BuildReport constrained = build(module);
        assertThat(binaries(constrained, "linux/amd64")).containsExactlyInAnyOrder("hello", "tool");
        assertThat(binaries(constrained, "windows/amd64")).containsExactly("hello");
        assertThat(constrained.warnings()).extracting(Warning::kind).contains(WarningKind.PACKAGE_EXCLUDED);
        assertThat(target(constrained, "windows/amd64").skippedFiles())
                .anySatisfy(s -> assertThat(s.packagePath() + "/" + s.file()).endsWith("cmd/tool/main.go"));
        assertThat(target(constrained, "linux/amd64").skippedFiles())
                .noneSatisfy(s -> assertThat(s.packagePath() + "/" + s.file()).endsWith("cmd/tool/main.go"));
    }

    @Test
    void anEditInsideAFunctionAsksGoNothingAgainButANewImportDoes() throws Exception {
        Path module = GoTestSupport.copyExample(temp);
        long start = System.currentTimeMillis();
        build(module);
        java.util.Map<Path, Long> answers = new java.util.HashMap<>();
        for (Path file : memoFilesSince(start)) {
            answers.put(file, file.toFile().lastModified());
        }
        Path greet = module.resolve("internal/greet/greet.go");
        Files.writeString(greet, Files.readString(greet).replace("Hello from ", "Hi from "));

        List<String> commands = new java.util.concurrent.CopyOnWriteArrayList<>();
        BuildReport edited = build(module, commands);

        assertThat(commands).as("no go list, no build-tag helper").noneMatch(c -> c.startsWith("go list ") || c.contains("/skips "));
        // The shared build cache has built this edit before: go compiles nothing and relinks, and
        // the files of every package are read again to find what it built.
        assertThat(commands).as("only contents changed: go's build cache and binaries explain it (no action graph, no traced build)")
                .filteredOn(c -> c.startsWith("go build ")).hasSize(2).noneMatch(c -> c.contains("-debug-actiongraph="));
        assertThat(target(edited, "windows/amd64").rebuilds()).as("explained").isNotNull();
        assertThat(target(edited, "windows/amd64").skippedFiles()).as("verdicts remembered")
                .anySatisfy(s -> assertThat(s.file()).isEqualTo("greet_unix.go"));
        assertThat(answers).isNotEmpty().allSatisfy((file, written) -> {
            assertThat(file.toFile().lastModified()).as("the answer is confirmed beside it, not written again").isEqualTo(written);
            assertThat(Path.of(file + ".key")).exists();
        });

        Files.writeString(greet, Files.readString(greet).replace("package greet\n", "package greet\n\nimport _ \"strings\"\n"));
        commands.clear();
        build(module, commands);

        assertThat(commands).as("a new import is asked again").anyMatch(c -> c.startsWith("go list ")).anyMatch(c -> c.contains("/skips "));

        commands.clear();
        build(module, commands, false);

        assertThat(commands).as("no work expected: no action graph").filteredOn(c -> c.startsWith("go build ")).hasSize(2)
                .noneMatch(c -> c.contains("-debug-actiongraph="));
    }

    /** The memo's answers written since then: this test's module's. */
    private static List<Path> memoFilesSince(long millis) throws java.io.IOException {
        try (Stream<Path> entries = Files.list(GoTestSupport.warmGoCache().resolve("xdg/gobuild/state/memo"))) {
            return entries.filter(f -> f.toString().endsWith(".json") && f.toFile().lastModified() >= millis).toList();
        }
    }

    @Test
    void aDamagedMemoIsAMissNotAFailure() throws Exception {
        Path module = GoTestSupport.copyExample(temp);
        java.nio.file.attribute.FileTime before = java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() - 1000);
        BuildReport first = build(module);
        Path memo = GoTestSupport.warmGoCache().resolve("xdg/gobuild/state/memo");
        try (Stream<Path> entries = Files.list(memo)) {
            // This module's entries: the ones this build wrote.
            List<Path> files = entries.filter(f -> f.toFile().lastModified() >= before.toMillis()).toList();
            assertThat(files).isNotEmpty();
            for (Path file : files) {
                Files.writeString(file, "{\"key\": not json");
            }
        }

        BuildReport second = build(module);

        assertThat(binaries(second, "linux/amd64")).isEqualTo(binaries(first, "linux/amd64"));
        assertThat(target(second, "windows/amd64").skippedFiles()).isEqualTo(target(first, "windows/amd64").skippedFiles());
        assertThat(second.findings()).isEqualTo(first.findings());
    }
}
