package io.gobuild.engine.report;

/** The outcome of one verification check, in rising order of severity but for SKIP. */
public enum CheckStatus {
    PASS,
    /** Worth fixing; fails the run only under --strict. */
    WARN,
    FAIL,
    /** Could not run here, with the reason in the message (e.g. it would need the network). */
    SKIP
}
