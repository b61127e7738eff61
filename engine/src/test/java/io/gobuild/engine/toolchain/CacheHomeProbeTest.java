package io.gobuild.engine.toolchain;

import io.gobuild.engine.port.Command;
import io.gobuild.engine.port.CommandPort;
import io.gobuild.engine.port.Host;
import io.gobuild.engine.request.UsageException;
import io.gobuild.engine.support.GoTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The real go writes the probe; a launcher that runs go somewhere else (as a container without
 * the volume does) is modelled by rewriting where go's GOENV points, as a launcher decorator would.
 */
class CacheHomeProbeTest {
    @TempDir
    Path temp;

    private void probe(UnaryOperator<String> goenvAsGoSeesIt) throws Exception {
        Host host = GoTestSupport.host(temp);
        CommandPort elsewhere = (command, out, err) -> {
            Map<String, String> env = new HashMap<>(command.environment());
            env.computeIfPresent("GOENV", (k, v) -> goenvAsGoSeesIt.apply(v));
            return host.commands().run(new Command(command.argv(), env, command.directory(), command.stderrFile()), out, err);
        };
        GoInvocation go = new GoInvocation(elsewhere, "go", GoTestSupport.environment());
        CacheHomeProbe.check(go, host.files(), temp.resolve("cache-home").toString(), temp.toString());
    }

    @Test
    void aCacheHomeGoWritesAndGobuildSeesPasses() {
        assertThatCode(() -> probe(UnaryOperator.identity())).doesNotThrowAnyException();
    }

    @Test
    void goWritingSomewhereElseIsOneLineThatSaysMountIt() {
        Path containerView = temp.resolve("container-fs");
        assertThatThrownBy(() -> probe(goenv -> containerView.resolve(Path.of(goenv).getFileName()).toString()))
                .isInstanceOf(UsageException.class)
                .hasMessageStartingWith("go does not see the cache home " + temp.resolve("cache-home"))
                .hasMessageContaining("mount the cache home");
    }

    @Test
    void aCacheHomeGoCannotWriteIsOneLine() {
        assertThatThrownBy(() -> probe(goenv -> "/proc/gobuild-cannot-write/go.env")).isInstanceOf(UsageException.class)
                .hasMessageStartingWith("go cannot write the cache home " + temp.resolve("cache-home"))
                .satisfies(e -> org.assertj.core.api.Assertions.assertThat(e.getMessage()).doesNotContain("\n"));
    }
}
