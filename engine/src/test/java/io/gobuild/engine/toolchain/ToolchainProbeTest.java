package io.gobuild.engine.toolchain;

import io.gobuild.engine.local.LocalCommandPort;
import io.gobuild.engine.support.GoCommand;
import io.gobuild.engine.support.GoTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** What the toolchain probe reads from the real go command. */
class ToolchainProbeTest {
    @TempDir
    Path temp;

    @Test
    void readsGoEnvByNameWithoutAskingTheCCompiler() throws Exception {
        Path module = GoTestSupport.copyExample(temp);
        Map<String, String> env = new HashMap<>(GoTestSupport.environment());
        env.put("GOCACHE", temp.resolve("new-build-cache").toString());
        env.put("GOMODCACHE", temp.resolve("mod").toString());
        env.put("GOFLAGS", "-tags=probe");

        Toolchain toolchain = new ToolchainProbe().probe(new GoInvocation(new LocalCommandPort(), "go", env), module.toString());

        assertThat(toolchain.goroot()).isEqualTo(GoCommand.run(module, env, "env", "GOROOT").strip());
        assertThat(toolchain.goEnv()).containsEntry("GOMODCACHE", temp.resolve("mod").toString())
                .containsEntry("GOFLAGS", "-tags=probe").containsEntry("GOMOD", module.resolve("go.mod").toString())
                .containsKeys("GOVERSION", "GOPROXY", "GOWORK", "CGO_ENABLED", "CC")
                .doesNotContainKeys("GOGCCFLAGS", "CGO_CFLAGS", "CGO_LDFLAGS", "PKG_CONFIG");
        assertThat(GoTestSupport.buildCacheEntries(temp.resolve("new-build-cache")))
                .as("go env ran no C compiler probe, whose answers it keeps in the build cache").isEmpty();
    }
}
