package io.gobuild.engine.report.html;

import io.gobuild.engine.report.Artifact;
import io.gobuild.engine.report.BuildReport;
import io.gobuild.engine.report.Finding;
import io.gobuild.engine.report.HostInfo;
import io.gobuild.engine.report.RebuildCause;
import io.gobuild.engine.report.RebuildKind;
import io.gobuild.engine.report.Rebuilds;
import io.gobuild.engine.report.RootCause;
import io.gobuild.engine.report.SkippedFile;
import io.gobuild.engine.report.SourceInfo;
import io.gobuild.engine.report.TargetResult;
import io.gobuild.engine.report.TargetStatus;
import io.gobuild.engine.report.ToolchainInfo;

import java.util.ArrayList;
import java.util.List;

/** Reports made up for what real builds cannot easily give: hostile names, thousands of packages. */
final class SyntheticReports {
    private SyntheticReports() {
    }

    static BuildReport of(String module, String name, int packagesPerTarget, int skippedPerTarget, List<String> targets) {
        List<TargetResult> results = new ArrayList<>();
        long offset = 0;
        for (String target : targets) {
            String[] parts = target.split("/");
            List<RebuildCause> causes = new ArrayList<>();
            List<String> dragged = new ArrayList<>();
            for (int i = 0; i < packagesPerTarget; i++) {
                String pkg = module + "/internal/" + name + "/pkg" + i;
                boolean root = i == 0;
                causes.add(new RebuildCause(pkg, "compile", root ? RebuildKind.SOURCE_CHANGED : RebuildKind.DEPENDENCY_CHANGED,
                        root ? name + ".go changed" : "depends on " + module + "/internal/" + name + "/pkg0", root,
                        root ? null : module + "/internal/" + name + "/pkg0", root ? List.of("~ " + name + ".go") : List.of(), null));
                if (!root) {
                    dragged.add(pkg);
                }
            }
            Rebuilds rebuilds = new Rebuilds(packagesPerTarget, 40, 40.0 / (40 + packagesPerTarget), 1,
                    List.of(new RootCause(RebuildKind.SOURCE_CHANGED, name + ".go changed", List.of(module + "/internal/" + name + "/pkg0"),
                            dragged.size(), dragged, "turn on -trimpath <b>now</b>")), causes);
            List<SkippedFile> skipped = new ArrayList<>();
            for (int i = 0; i < skippedPerTarget; i++) {
                skipped.add(new SkippedFile(module + "/internal/" + name + "/pkg" + i, name + "_" + i + "_windows.go", "CONSTRAINT",
                        "//go:build windows && !" + name + " is false", List.of("windows", "!" + name)));
            }
            results.add(new TargetResult(target, parts[0], parts[1], "", TargetStatus.SUCCESS, 0, 1000 + offset, offset, "-s -w",
                    List.of(), false, List.of(), List.of(new Artifact(parts[0] + "_" + parts[1] + "/" + name, module + "/cmd/" + name, name,
                    123456, "ab".repeat(32), null)), rebuilds, skipped));
            offset += 300;
        }
        return new BuildReport(1, "BUILD", "run-1", "gobuild dev", module, "/src/" + name,
                new ToolchainInfo("go1.26.8", "go", "/usr/local/go", "linux", "amd64", "local"), new HostInfo("agent-" + name, "linux", "amd64", 8),
                new SourceInfo("v1.0.0", "0123456789abcdef", null, false, "2026-01-01T00:00:00Z", SourceInfo.DateSource.SOURCE_DATE_EPOCH),
                null, "2026-11-22T10:00:00Z", "2026-11-22T10:00:05Z", 5000, BuildReport.RunStatus.SUCCESS, null, List.of(), results,
                List.of(), null, null, List.of(new Finding(Finding.FindingKind.FILE_IN_NO_TARGET, module + "/internal/" + name, name + "_plan9.go",
                        "no target of the matrix compiles " + name + "_plan9.go", List.of())), null);
    }
}
