package io.gobuild.engine.explain;

import java.util.Map;

/** One earlier build of a module for one GOOS/GOARCH on this agent: when, and each action's ID. */
public record RecordedBuild(String savedAt, String runId, Map<String, String> actionIds) {
    public RecordedBuild {
        // A hash map: Map.copyOf's table compares keys that share long prefixes in full on every probe.
        actionIds = actionIds == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.HashMap<>(actionIds));
    }
}
