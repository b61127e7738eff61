package io.gobuild.engine.report;

import java.util.List;
import java.util.Map;

/**
 * The build information Go embeds in a binary, as `go version -m` reads it back: the Go version,
 * the main package path, the main module, the dependencies linked in, and the build settings
 * (GOOS, GOARCH, -trimpath, -ldflags when not trimmed, vcs.revision, ...).
 */
public record BuildInfo(String goVersion, String path, ModuleVersion main, List<ModuleVersion> deps,
                        Map<String, String> settings) {
    public BuildInfo {
        deps = deps == null ? List.of() : List.copyOf(deps);
        settings = settings == null ? Map.of() : Map.copyOf(settings);
    }

    /** A module as build info names it; replace is set when a replace directive was applied. */
    public record ModuleVersion(String path, String version, String sum, ModuleVersion replace) {
    }
}
