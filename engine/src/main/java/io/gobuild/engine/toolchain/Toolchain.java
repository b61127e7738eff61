package io.gobuild.engine.toolchain;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Go toolchain that builds: its version (the one actually run, after any GOTOOLCHAIN switch),
 * where it lives, the host it runs on, the ports it can build for, and its `go env` for the
 * build's environment (read once per run).
 */
public record Toolchain(GoVersion version, String versionText, String program, String goroot, String hostOs,
                        String hostArch, String gotoolchain, List<Port> ports, Map<String, String> goEnv) {
    public Toolchain {
        ports = List.copyOf(ports);
        goEnv = Map.copyOf(goEnv);
    }

    public Optional<Port> port(String goos, String goarch) {
        return ports.stream().filter(p -> p.goos().equals(goos) && p.goarch().equals(goarch)).findFirst();
    }
}
