package io.gobuild.engine.report;

import java.util.List;

/**
 * A target's use of the build cache: packages compiled and served from cache, binaries linked,
 * the root causes first, then every compiled package's cause.
 */
public record Rebuilds(int compiled, int reused, double hitRatio, int linked, List<RootCause> rootCauses,
                       List<RebuildCause> causes) {
    public Rebuilds {
        rootCauses = rootCauses == null ? List.of() : List.copyOf(rootCauses);
        causes = causes == null ? List.of() : List.copyOf(causes);
    }
}
