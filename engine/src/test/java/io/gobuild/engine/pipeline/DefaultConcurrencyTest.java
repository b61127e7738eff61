package io.gobuild.engine.pipeline;

import io.gobuild.engine.GoBuildEngine;
import io.gobuild.engine.build.MainPackage;
import io.gobuild.engine.build.PlannedOutput;
import io.gobuild.engine.build.TargetConcurrency;
import io.gobuild.engine.build.TargetPlan;
import io.gobuild.engine.matrix.Target;
import io.gobuild.engine.port.Host;
import io.gobuild.engine.report.BuildReport;
import io.gobuild.engine.report.BuildReport.RunStatus;
import io.gobuild.engine.request.BuildRequest;
import io.gobuild.engine.support.GoTestSupport;
import io.gobuild.engine.support.RecordingLog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Targets built at once when the request leaves it open: one at a time for a module's first build
 * on an agent whose targets each link at least as many binaries as it has cores, two otherwise.
 */
class DefaultConcurrencyTest {
    @TempDir
    Path temp;

    @Test
    void aFirstBuildThatFillsTheCoresBuildsOneTargetAtATimeAndLaterBuildsTwo() throws Exception {
        // A module path of its own: the agent (the tests' shared cache home) has never built it.
        Path module = temp.resolve("m");
        GoTestSupport.write(module.resolve("go.mod"), "module example.com/slots" + System.nanoTime() + "\n\ngo 1.21\n");
        for (String command : List.of("a", "b")) {
            GoTestSupport.write(module.resolve("cmd/" + command + "/main.go"), "package main\n\nfunc main() {}\n");
        }
        Host local = GoTestSupport.host(module);
        Host twoCores = new Host(local.commands(), local.files(), local.environment(), local.workingDirectory(), local.name(),
                local.os(), local.arch(), 2);
        RecordingLog log = new RecordingLog();
        BuildRequest request = BuildRequest.builder().moduleDir(module.toString()).targets(List.of("linux/amd64", "windows/amd64"))
                .verify(false).build();

        BuildReport first = new GoBuildEngine(twoCores, log).build(request);
        BuildReport second = new GoBuildEngine(twoCores, log).build(request);
        BuildReport asked = new GoBuildEngine(twoCores, log).build(request.toBuilder().parallel(3).build());

        assertThat(first.status()).as(log.text()).isEqualTo(RunStatus.SUCCESS);
        assertThat(first.request().parallel()).as("two binaries per target on two cores, never built here").isEqualTo(1);
        assertThat(second.request().parallel()).as("built here before: little to compile").isEqualTo(2);
        assertThat(asked.request().parallel()).isEqualTo(3);
    }

    @Test
    void twoAtOnceWhenATargetLinksFewerBinariesThanCoresOrTheCoresAreUnknown() {
        List<TargetPlan> oneBinaryEach = List.of(plan("linux", 1), plan("windows", 1));
        List<TargetPlan> eightAndOne = List.of(plan("linux", 8), plan("windows", 1));
        List<TargetPlan> eightEach = List.of(plan("linux", 8), plan("windows", 8));

        assertThat(TargetConcurrency.byDefault(2, oneBinaryEach, false)).isEqualTo(2);
        assertThat(TargetConcurrency.byDefault(1, oneBinaryEach, false)).isEqualTo(1);
        assertThat(TargetConcurrency.byDefault(4, eightAndOne, false)).isEqualTo(2);
        assertThat(TargetConcurrency.byDefault(8, eightEach, false)).isEqualTo(1);
        assertThat(TargetConcurrency.byDefault(16, eightEach, false)).isEqualTo(2);
        assertThat(TargetConcurrency.byDefault(0, eightEach, false)).isEqualTo(2);
        assertThat(TargetConcurrency.byDefault(2, eightEach, true)).isEqualTo(2);
    }

    private static TargetPlan plan(String goos, int binaries) {
        List<PlannedOutput> outputs = IntStream.range(0, binaries).mapToObj(i -> new PlannedOutput(
                new MainPackage("example.com/m/cmd/c" + i, "/m/cmd/c" + i, "c" + i), "/b/c" + i, "/out/c" + i, "c" + i)).toList();
        return new TargetPlan(Target.of(goos, "amd64"), List.of(), Map.of(), "/b", outputs, List.of(), "", List.of(), false);
    }
}
