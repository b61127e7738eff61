package io.gobuild.engine.step;

import io.gobuild.engine.report.BuildReport;
import io.gobuild.engine.report.ReportJson;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class CallSummaryTest {
    private static BuildReport report(String json) throws Exception {
        return ReportJson.read(json.getBytes(), BuildReport.class);
    }

    private static final String CELL = """
            {"schemaVersion":1,"kind":"BUILD","status":"%s","host":{"name":"%s","os":"linux","arch":"amd64","cpus":2},
             "verification":{"status":"%s","strict":false,"checks":[]},
             "targets":[{"target":"%s","goos":"linux","goarch":"amd64","status":"%s","durationMs":%d,
               "artifacts":[{"path":"linux_amd64/app","sha256":"ab","size":10}],
               "rebuilds":{"compiled":%d,"reused":%d,"hitRatio":0.5,"linked":1,
                 "rootCauses":[{"kind":"SOURCE_CHANGED","detail":"a.go changed","packages":["m/a"],"dragged":%d,"draggedPackages":[]}],
                 "causes":[]},
               "skippedFiles":[{"package":"m/a","file":"a_windows.go","kind":"FILENAME","reason":"r","decidingTerms":[]}]}]}
            """;

    @Test
    void callsOfOneBuildAddUpForTheSummaryBox() throws Exception {
        CallSummary linux = CallSummary.of(report(CELL.formatted("SUCCESS", "agent-1", "PASS", "linux/amd64", "SUCCESS", 1200, 3, 97, 2)));
        CallSummary arm = CallSummary.of(report(CELL.formatted("FAILURE", "agent-2", "WARN", "linux/arm64", "FAILURE", 800, 1, 9, 0)));

        CallSummary all = CallSummary.merge(List.of(linux, arm));

        assertThat(all.targetsOk()).isEqualTo(1);
        assertThat(all.targetsFailed()).isEqualTo(1);
        assertThat(all.compiled()).isEqualTo(4);
        assertThat(all.cached()).isEqualTo(106);
        assertThat(all.hitRatio()).isEqualTo(106.0 / 110);
        assertThat(all.skippedFiles()).isEqualTo(2);
        assertThat(all.status()).isEqualTo("FAILURE");
        assertThat(all.verification()).isEqualTo("WARN");
        assertThat(all.signatures()).isNull();
        assertThat(all.topRootCauses(5)).containsExactly(Map.entry("SOURCE_CHANGED a.go changed", 4));
        assertThat(all.targetDurations()).containsEntry("linux/amd64 @ agent-1", 1200L).containsEntry("linux/arm64 @ agent-2", 800L);
    }

    @Test
    void theStepResultIsPlainValuesAndFailedTargetsMayOnlyMarkTheBuildUnstable() throws Exception {
        BuildReport failed = report(CELL.formatted("FAILURE", "a", "PASS", "linux/amd64", "FAILURE", 1, 1, 1, 0));
        assertThat(StepResult.verdict(failed, true)).isEqualTo(StepResult.Verdict.UNSTABLE);
        assertThat(StepResult.verdict(failed, false)).isEqualTo(StepResult.Verdict.FAILURE);
        assertThat(StepResult.message(failed)).isEqualTo("build FAILURE (1 of 1 targets did not build)");
        Map<String, ?> summary = StepResult.summary(report(CELL.formatted("SUCCESS", "a", "PASS", "linux/amd64", "SUCCESS", 1, 1, 1, 0)));
        assertThat(summary.get("status")).isEqualTo("SUCCESS");
        assertThat(summary.get("targets").toString()).contains("linux/amd64", "linux_amd64/app", "sha256=ab");
    }

    @Test
    void publishedFilesAreArchivedRelativeToTheWorkspaceAndOnlyWhenTheyReachedTheDestination() throws Exception {
        BuildReport report = report("""
                {"schemaVersion":1,"kind":"PUBLISH","status":"FAILURE","targets":[],
                 "publish":{"destination":"https://r","name":"app","version":"1","staging":"/w/job/dist/release","report":"/w/job/dist/publish-report.json","files":[
                   {"name":"a.tar.gz","role":"ARCHIVE","size":1,"sha256":"x","outcome":"UPLOADED"},
                   {"name":"b.zip","role":"ARCHIVE","size":1,"sha256":"y","outcome":"SKIPPED_IDENTICAL"},
                   {"name":"sums.txt","role":"CHECKSUMS","size":1,"sha256":"z","outcome":"NOT_PUBLISHED"}]}}
                """);
        assertThat(StepResult.publishedFiles(report, "/w/job")).containsExactly("dist/release/a.tar.gz", "dist/release/b.zip",
                "dist/publish-report.json", "dist/publish-report.html");
        assertThat(StepResult.publishedFiles(report, "/elsewhere")).isEmpty();
        assertThat(CallSummary.of(report).published()).isEqualTo(2);
    }

    @Test
    void aBuildArchivesItsReportAndPageAndOnRequestItsBinaries() throws Exception {
        BuildReport report = report("""
                {"schemaVersion":1,"kind":"BUILD","status":"SUCCESS",
                 "request":{"out":"/w/job/dist","report":"/w/job/dist/build-report.json"},
                 "targets":[{"target":"linux/amd64","goos":"linux","goarch":"amd64","status":"SUCCESS",
                   "artifacts":[{"path":"linux_amd64/app","sha256":"ab","size":10}]}]}
                """);
        assertThat(StepResult.archivable(report, "/w/job", false)).containsExactly("dist/build-report.json", "dist/build-report.html");
        assertThat(StepResult.archivable(report, "/w/job", true)).containsExactly("dist/linux_amd64/app", "dist/build-report.json",
                "dist/build-report.html");
        assertThat(StepResult.archivable(report, "/elsewhere", true)).isEmpty();
    }
}
