package io.gobuild.engine.report;

/** How long one stage of the run took; the report stage itself is still running when it is written. */
public record StageTime(String stage, long durationMs) {
}
