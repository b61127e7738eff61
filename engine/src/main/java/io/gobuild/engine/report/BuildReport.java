package io.gobuild.engine.report;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.gobuild.engine.request.BuildRequest;

import java.util.List;

/**
 * The versioned result of one gobuild run (docs/report-schema.md). Readers ignore fields they do
 * not know, so later sections are added without a new schemaVersion; several reports (matrix cells
 * built on different agents) are shown together by listing them, each keeping its own host.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record BuildReport(int schemaVersion, String kind, String runId, String tool, String module,
                          String moduleDir, ToolchainInfo toolchain, HostInfo host, SourceInfo source,
                          BuildRequest request, String startedAt, String finishedAt, long durationMs,
                          RunStatus status, String message, List<StageTime> stages, List<TargetResult> targets,
                          List<Warning> warnings, Verification verification, CacheReport cache, List<Finding> findings,
                          PublishReport publish) {
    public static final int SCHEMA_VERSION = 1;

    public BuildReport {
        stages = stages == null ? List.of() : List.copyOf(stages);
        targets = targets == null ? List.of() : List.copyOf(targets);
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
        findings = findings == null ? List.of() : List.copyOf(findings);
    }

    /** How the whole run ended. */
    public enum RunStatus {
        SUCCESS,
        FAILURE,
        CANCELLED
    }
}
