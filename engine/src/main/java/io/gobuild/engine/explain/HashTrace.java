package io.gobuild.engine.explain;

import io.gobuild.engine.port.Wire;

import java.io.Serializable;
import java.util.List;
import java.util.Map;

/**
 * One go build's stderr, read where it was written: every traced action, the packages `-v` says
 * were compiled, and the other lines (compiler errors), in order.
 */
public record HashTrace(Map<String, TracedAction> actions, List<String> compiled, List<String> otherLines)
        implements Serializable {
    private static final long serialVersionUID = 1L;

    public HashTrace {
        actions = Wire.map(actions);
        compiled = Wire.list(compiled);
        otherLines = Wire.list(otherLines);
    }
}
