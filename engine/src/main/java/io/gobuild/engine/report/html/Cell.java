package io.gobuild.engine.report.html;

import io.gobuild.engine.report.BuildReport;
import io.gobuild.engine.report.TargetResult;

/** A target as the page shows it: the report it came from and the agent that built it. */
record Cell(BuildReport report, TargetResult target) {
    String agent() {
        return report.host() == null ? "" : report.host().name();
    }

    String label() {
        return target.target() + (agent().isEmpty() ? "" : " @ " + agent());
    }
}
