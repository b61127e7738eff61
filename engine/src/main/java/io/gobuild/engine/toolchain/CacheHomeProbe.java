package io.gobuild.engine.toolchain;

import io.gobuild.engine.port.AgentPaths;
import io.gobuild.engine.port.FilePort;
import io.gobuild.engine.request.UsageException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Proves that go can write the cache home and that it is the same directory gobuild sees. Inside
 * a container the agent's files and go's files differ unless the cache home is a mounted volume;
 * without this check go would silently cache into the container's throw-away file system. go
 * writes a token with `go env -w` into a GOENV file in the cache home, and gobuild reads it back.
 */
public final class CacheHomeProbe {
    private static final String VARIABLE = "GOPRIVATE";

    private CacheHomeProbe() {
    }

    public static void check(GoInvocation go, FilePort files, String cacheHome, String directory)
            throws IOException, InterruptedException {
        String token = "gobuild-probe-" + UUID.randomUUID();
        String probeDir = AgentPaths.join(cacheHome, "probe");
        String probe = AgentPaths.join(probeDir, token + ".env");
        files.createDirectories(probeDir);
        Map<String, String> env = new HashMap<>(go.environment());
        env.put("GOENV", probe);
        env.remove(VARIABLE);
        try {
            GoInvocation.Result written = new GoInvocation(go.commands(), go.goProgram(), env).run(directory, "env", "-w",
                    VARIABLE + "=" + token);
            if (!written.ok()) {
                throw new UsageException("go cannot write the cache home " + cacheHome + " (" + written.firstError()
                        + "); give it a writable cache directory, inside a container a mounted volume (docs/jenkins.md)");
            }
            if (!files.exists(probe) || !new String(files.read(probe), StandardCharsets.UTF_8).contains(token)) {
                throw new UsageException("go does not see the cache home " + cacheHome + " that gobuild sees: go runs elsewhere "
                        + "(a container without this directory mounted); mount the cache home into the container at the same "
                        + "path (docs/jenkins.md)");
            }
        } finally {
            files.delete(probe);
        }
    }
}
