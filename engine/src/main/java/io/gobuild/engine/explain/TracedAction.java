package io.gobuild.engine.explain;

import io.gobuild.engine.port.Wire;

import java.io.Serializable;
import java.util.List;

/**
 * What the go command fed into one action's cache key, as GODEBUG=gocachehash=1 prints it: the
 * action (`build P` compiles package P, `link P` links main package P), its inputs one per line,
 * and the resulting action ID.
 */
public record TracedAction(String name, String actionId, List<String> inputs) implements Serializable {
    private static final long serialVersionUID = 1L;

    public TracedAction {
        inputs = Wire.list(inputs);
    }

    public boolean isLink() {
        return name.startsWith("link ");
    }

    /** The package the action is about. */
    public String packagePath() {
        return name.substring(name.indexOf(' ') + 1);
    }
}
