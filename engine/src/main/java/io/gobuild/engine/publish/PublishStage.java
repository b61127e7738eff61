package io.gobuild.engine.publish;

import java.io.IOException;

/** One named step of a publish, doing one thing to the shared context. */
interface PublishStage {
    String name();

    void run(PublishContext context) throws IOException, InterruptedException;
}
