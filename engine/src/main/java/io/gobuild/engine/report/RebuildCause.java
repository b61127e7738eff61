package io.gobuild.engine.report;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;

/**
 * Why one package was compiled (step COMPILE) or one binary linked (step LINK). A cascaded rebuild
 * (root false) happened only because dependencies were rebuilt; rootCause names the root package.
 */
public record RebuildCause(@JsonProperty("package") String packagePath, String step, RebuildKind kind, String detail, boolean root,
                           String rootCause, List<String> changes, String advice) {
    public RebuildCause {
        changes = changes == null ? List.of() : List.copyOf(changes);
    }
}
