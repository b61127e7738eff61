package io.gobuild.engine.pipeline;

import io.gobuild.engine.GoBuildEngine;
import io.gobuild.engine.build.GoMemory;
import io.gobuild.engine.port.Command;
import io.gobuild.engine.port.CommandPort;
import io.gobuild.engine.port.Host;
import io.gobuild.engine.report.Artifact;
import io.gobuild.engine.report.BuildReport;
import io.gobuild.engine.report.BuildReport.RunStatus;
import io.gobuild.engine.request.BuildRequest;
import io.gobuild.engine.support.GoTestSupport;
import io.gobuild.engine.support.RecordingLog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The go builds that do a target's work run with the memory limit read where go runs, and only
 * they; a GOGC the caller chose wins; the binaries are the same either way.
 */
class GoMemoryBuildTest {
    @TempDir
    Path temp;
    private final RecordingLog log = new RecordingLog();
    private final List<Command> seen = new CopyOnWriteArrayList<>();

    private BuildReport build(Path module, String out, List<String> env) throws Exception {
        Host local = GoTestSupport.host(module);
        CommandPort recording = (command, stdout, stderr) -> {
            seen.add(command);
            return local.commands().run(command, stdout, stderr);
        };
        Host host = new Host(recording, local.files(), local.environment(), local.workingDirectory(), local.name(), local.os(),
                local.arch(), local.cpus());
        BuildReport report = new GoBuildEngine(host, log).build(BuildRequest.builder()
                .moduleDir(module.toString()).out(temp.resolve(out).toString()).targets(List.of("linux/amd64"))
                .verify(false).env(env).build());
        assertThat(report.status()).as(log.text()).isEqualTo(RunStatus.SUCCESS);
        return report;
    }

    @Test
    void goBuildRunsWithTheAgentsMemoryLimitUnlessTheCallerChoseGogc() throws Exception {
        Path module = GoTestSupport.copyExample(temp);
        Host local = GoTestSupport.host(module);
        Optional<String> expected = GoMemory.probe(local.commands(), local.environment(), module.toString())
                .flatMap(m -> m.limitFor(GoMemory.processes(1, local.cpus())));

        BuildReport tuned = build(module, "tuned", List.of());
        assertThat(tuned.host().goMemoryLimit()).isEqualTo(expected.orElse(null));
        List<Command> builds = seen.stream().filter(c -> c.display().startsWith("go build ")).toList();
        assertThat(builds).isNotEmpty().allSatisfy(c -> {
            assertThat(c.environment().get("GOMEMLIMIT")).isEqualTo(expected.orElse(null));
            assertThat(c.environment().get("GOGC")).isEqualTo(expected.isPresent() ? "off" : null);
        });
        assertThat(seen).as("the queries keep go's defaults").filteredOn(c -> c.display().startsWith("go list "))
                .isNotEmpty().allSatisfy(c -> assertThat(c.environment()).doesNotContainKeys("GOGC", "GOMEMLIMIT"));

        seen.clear();
        BuildReport chosen = build(module, "chosen", List.of("GOGC=100"));
        assertThat(chosen.host().goMemoryLimit()).isNull();
        assertThat(seen).filteredOn(c -> c.display().startsWith("go build ")).isNotEmpty().allSatisfy(c -> {
            assertThat(c.environment()).containsEntry("GOGC", "100").doesNotContainKey("GOMEMLIMIT");
        });
        assertThat(chosen.targets().get(0).artifacts()).extracting(Artifact::sha256)
                .isEqualTo(tuned.targets().get(0).artifacts().stream().map(Artifact::sha256).toList());
    }
}
