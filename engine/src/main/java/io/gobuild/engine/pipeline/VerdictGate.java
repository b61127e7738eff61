package io.gobuild.engine.pipeline;

import java.io.IOException;
import java.util.concurrent.CountDownLatch;

/**
 * Lets the targets' go builds start while the module is still being verified, and holds what they
 * built until the verdict: go reads the module cache the verification checks but runs none of its
 * code (go build runs nothing it compiles), and its outputs stay in gobuild's build directory until
 * placed. A failed verification drops every build; an interrupt leaves none to deliver.
 */
final class VerdictGate {
    private final CountDownLatch known = new CountDownLatch(1);
    private volatile boolean reached;
    private volatile boolean passed;

    /** Waits for the verification under way, if any, on the compile stage's thread; true when it passed. */
    boolean awaitVerdict(BuildContext context) throws IOException, InterruptedException {
        if (known.getCount() == 0) {
            return passed;
        }
        try {
            VerifyStage.await(context);
            passed = !context.verificationFailed();
            reached = true;
        } finally {
            known.countDown();
        }
        return passed;
    }

    /** Opens the gate with no verdict: the run is stopping, and what waits here is dropped. */
    void close() {
        known.countDown();
    }

    /** Whether the verdict is in and the module failed: the builds under way are dropped, not reported. */
    boolean failed() {
        return reached && !passed;
    }

    /** For a target's thread: whether what it built may be delivered, once the verdict is in. */
    boolean mayDeliver() throws InterruptedException {
        known.await();
        if (!reached) {
            throw new InterruptedException("the run is stopping");
        }
        return passed;
    }
}
