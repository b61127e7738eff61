package io.gobuild.engine.report;

/** How one target's build ended. */
public enum TargetStatus {
    SUCCESS,
    FAILURE,
    /** Never started: a failed verification, or fail-fast after another target failed. */
    SKIPPED,
    /** Stopped while it ran: the build was interrupted, or fail-fast stopped it. */
    CANCELLED
}
