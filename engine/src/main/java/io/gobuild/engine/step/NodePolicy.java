package io.gobuild.engine.step;

import io.gobuild.engine.request.UsageException;

/** Whether a step may run where it was asked to. */
public final class NodePolicy {
    private NodePolicy() {
    }

    /**
     * On the CI controller's built-in node a build would write into the controller's own files,
     * so the steps refuse unless an administrator allowed it.
     */
    public static void check(String step, StepPlace place, boolean builtInAllowed) {
        if (place.builtInNode() && !builtInAllowed) {
            throw new UsageException(step + " does not run on the built-in node: run it on an agent (node('linux') { ... }), "
                    + "or let an administrator allow it in the global gobuild configuration");
        }
    }
}
