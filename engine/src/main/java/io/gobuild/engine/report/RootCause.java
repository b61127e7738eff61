package io.gobuild.engine.report;

import java.util.List;

/**
 * A reason that started rebuilds: the root packages it applies to, and how many packages it dragged
 * along (rebuilt only because they depend on a root).
 */
public record RootCause(RebuildKind kind, String detail, List<String> packages, int dragged,
                        List<String> draggedPackages, String advice) {
    public RootCause {
        packages = packages == null ? List.of() : List.copyOf(packages);
        draggedPackages = draggedPackages == null ? List.of() : List.copyOf(draggedPackages);
    }
}
