package io.gobuild.engine.explain;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The recent builds of one (module, GOOS/GOARCH) on an agent, newest first, and the inputs behind
 * their action IDs, each stored once (most actions, the standard library's for a start, repeat from
 * build to build). A few builds are kept, so that configurations alternating on one agent (a race
 * build and a release build) each find their own last build instead of looking like evictions.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record BuildHistory(int format, List<RecordedBuild> builds, Map<String, List<String>> inputs) {
    public static final int KEPT = 4;
    public static final int FORMAT = 1;

    public BuildHistory {
        builds = builds == null ? List.of() : List.copyOf(builds);
        inputs = inputs == null ? Map.of() : java.util.Collections.unmodifiableMap(new HashMap<>(inputs));
    }

    public static BuildHistory empty() {
        return new BuildHistory(FORMAT, List.of(), Map.of());
    }

    /** This history with a new build in front, the oldest dropped past KEPT, unused inputs forgotten. */
    public BuildHistory with(String savedAt, String runId, Map<String, TracedAction> actions) {
        Map<String, String> ids = new HashMap<>();
        Map<String, List<String>> allInputs = new HashMap<>(inputs);
        actions.forEach((name, action) -> {
            ids.put(name, action.actionId());
            allInputs.put(action.actionId(), action.inputs());
        });
        List<RecordedBuild> kept = new ArrayList<>();
        kept.add(new RecordedBuild(savedAt, runId, ids));
        kept.addAll(builds.subList(0, Math.min(KEPT - 1, builds.size())));
        Set<String> used = new HashSet<>();
        kept.forEach(b -> used.addAll(b.actionIds().values()));
        allInputs.keySet().retainAll(used);
        return new BuildHistory(FORMAT, kept, allInputs);
    }

    /** Whether the newest recorded build had exactly these actions with these IDs. */
    public boolean isNewest(Map<String, TracedAction> actions) {
        if (builds.isEmpty() || builds.get(0).actionIds().size() != actions.size()) {
            return false;
        }
        Map<String, String> newest = builds.get(0).actionIds();
        return actions.values().stream().allMatch(a -> a.actionId().equals(newest.get(a.name())));
    }

    /**
     * The recorded build sharing the most action IDs with a build (action name to action ID), the
     * newer one on a tie: the same configuration, if any, so that alternating configurations each
     * find their own last build.
     */
    public Optional<RecordedBuild> closest(Map<String, String> actionIds) {
        RecordedBuild closest = null;
        long mostShared = -1;
        for (RecordedBuild build : builds) { // newest first: on a tie the newer stays
            Map<String, String> recorded = build.actionIds();
            long shared = 0;
            for (Map.Entry<String, String> action : actionIds.entrySet()) {
                if (action.getValue().equals(recorded.get(action.getKey()))) {
                    shared++;
                }
            }
            if (shared > mostShared) {
                closest = build;
                mostShared = shared;
            }
        }
        return Optional.ofNullable(closest);
    }

    /** An action as an earlier build recorded it. */
    public Optional<TracedAction> action(RecordedBuild build, String name) {
        String id = build.actionIds().get(name);
        return id == null ? Optional.empty() : Optional.of(new TracedAction(name, id, inputs.getOrDefault(id, List.of())));
    }
}
