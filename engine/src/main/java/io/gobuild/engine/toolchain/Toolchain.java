package io.gobuild.engine.toolchain;

import java.util.List;
import java.util.Optional;

/**
 * The Go toolchain that builds: its version (the one actually run, after any GOTOOLCHAIN switch),
 * where it lives, the host it runs on, and the ports it can build for.
 */
public record Toolchain(GoVersion version, String versionText, String program, String goroot, String hostOs,
                        String hostArch, String gotoolchain, List<Port> ports) {
    public Toolchain {
        ports = List.copyOf(ports);
    }

    public Optional<Port> port(String goos, String goarch) {
        return ports.stream().filter(p -> p.goos().equals(goos) && p.goarch().equals(goarch)).findFirst();
    }
}
