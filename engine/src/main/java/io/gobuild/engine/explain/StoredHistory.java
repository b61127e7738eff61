package io.gobuild.engine.explain;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A build history as it is kept on disk: every distinct input line once, and each action's inputs
 * as indexes into them. Most lines repeat from action to action (a dependency's content ID is in
 * every importer's and every binary's inputs), so this is a quarter of the plain form, small
 * enough to write without compressing on every build.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record StoredHistory(int format, List<RecordedBuild> builds, List<String> lines, Map<String, int[]> inputs) {
    static final int FORMAT = 2;

    static StoredHistory of(BuildHistory history) {
        Map<String, Integer> index = new HashMap<>();
        List<String> lines = new ArrayList<>();
        Map<String, int[]> inputs = new LinkedHashMap<>();
        history.inputs().forEach((id, actionInputs) -> {
            int[] refs = new int[actionInputs.size()];
            for (int i = 0; i < refs.length; i++) {
                refs[i] = index.computeIfAbsent(actionInputs.get(i), line -> {
                    lines.add(line);
                    return lines.size() - 1;
                });
            }
            inputs.put(id, refs);
        });
        return new StoredHistory(FORMAT, history.builds(), lines, inputs);
    }

    /** The history, or an empty one when this is another format. */
    BuildHistory history() {
        if (format != FORMAT || builds == null || lines == null || inputs == null) {
            return BuildHistory.empty();
        }
        Map<String, List<String>> plain = new HashMap<>();
        inputs.forEach((id, refs) -> {
            List<String> actionInputs = new ArrayList<>(refs.length);
            for (int ref : refs) {
                actionInputs.add(lines.get(ref));
            }
            plain.put(id, actionInputs);
        });
        return new BuildHistory(BuildHistory.FORMAT, builds, plain);
    }
}
