package io.gobuild.engine.explain;

import java.util.Map;

/** One earlier build of a module for one GOOS/GOARCH on this agent: when, and each action's ID. */
public record RecordedBuild(String savedAt, String runId, Map<String, String> actionIds) {
    public RecordedBuild {
        actionIds = actionIds == null ? Map.of() : Map.copyOf(actionIds);
    }
}
