package io.gobuild.engine.pipeline;

import java.io.IOException;

/** One named step of a run, doing one thing to the shared context. */
public interface Stage {
    String name();

    void run(BuildContext context) throws IOException, InterruptedException;
}
