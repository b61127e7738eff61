package io.gobuild.engine.explain;

import io.gobuild.engine.report.RebuildKind;

/** One input line of an action that differs from the recorded build: its kind and a readable account. */
record InputChange(RebuildKind kind, String key, String description, String dependency) {
    boolean isDependency() {
        return dependency != null;
    }
}
