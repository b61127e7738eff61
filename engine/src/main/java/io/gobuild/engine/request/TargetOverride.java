package io.gobuild.engine.request;

import java.util.List;

/**
 * Settings for the targets that match a pattern (`windows/*`, `linux/arm/7`). ldflags and cgo
 * replace the build's own; tags are added to the build's tags; env entries are added, replacing a
 * variable of the same name. Overrides apply in the order given.
 */
public record TargetOverride(String target, String ldflags, List<String> tags, List<String> env, Boolean cgo) {
    public TargetOverride {
        tags = tags == null ? List.of() : List.copyOf(tags);
        env = env == null ? List.of() : List.copyOf(env);
    }
}
