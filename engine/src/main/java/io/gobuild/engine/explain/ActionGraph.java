package io.gobuild.engine.explain;

import io.gobuild.engine.port.Wire;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The compile and link actions of one go build as `-debug-actiongraph` writes them at its end:
 * each action's ID (the first 120 bits of its cache key, in go's own encoding) and its build ID,
 * whose last part is the content ID that the actions depending on it hash. In go's order, with
 * dependencies before the actions that need them.
 */
public record ActionGraph(Map<String, Action> actions) implements BuildIds, Serializable {
    private static final long serialVersionUID = 1L;

    public ActionGraph {
        actions = Wire.map(actions);
    }

    public static ActionGraph of(List<Action> actions) {
        Map<String, Action> byName = new LinkedHashMap<>();
        actions.forEach(a -> byName.put(a.name(), a));
        return new ActionGraph(byName);
    }

    @Override
    public String buildId(String packagePath) {
        Action action = actions.get("build " + packagePath);
        return action == null ? null : action.buildId();
    }


    /** `build P` or `link P`, named as the cache-key trace names them. */
    public record Action(String name, String actionId, String buildId) implements Serializable {
        private static final long serialVersionUID = 1L;
    }
}
