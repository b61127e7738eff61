package io.gobuild.engine.report;

import io.gobuild.engine.report.BuildInfo.ModuleVersion;
import io.gobuild.engine.request.BuildRequest;
import io.gobuild.engine.request.TargetOverride;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ReportJsonTest {
    @Test
    void requestRoundTripsUnchangedIncludingDefaults() throws Exception {
        BuildRequest request = BuildRequest.builder().moduleDir("m").targets(List.of("linux/amd64", "linux/arm/7"))
                .trimpath(false).ldflags("-X main.v={{.Version}}").env(List.of("A=b"))
                .overrides(List.of(new TargetOverride("windows/*", "-H windowsgui", List.of("t"), List.of(), true)))
                .parallel(3).build();
        assertThat(ReportJson.read(ReportJson.write(request), BuildRequest.class)).isEqualTo(request);
        BuildRequest defaults = BuildRequest.builder().build();
        assertThat(ReportJson.read("{}".getBytes(), BuildRequest.class)).isEqualTo(defaults);
        assertThat(defaults.trimpath()).isTrue();
        assertThat(defaults.gotoolchain()).isEqualTo("local");
    }

    @Test
    void reportRoundTripsUnchangedAndIgnoresFieldsItDoesNotKnow() throws Exception {
        BuildInfo info = new BuildInfo("go1.26.8", "example.com/x", new ModuleVersion("example.com/x", "(devel)", null, null),
                List.of(), Map.of("GOOS", "linux"));
        TargetResult target = new TargetResult("linux/amd64", "linux", "amd64", "", TargetStatus.SUCCESS, 0, 10, 1,
                "-s", List.of(), false, List.of(new CompileError("p", "f.go", 1, 2, "m")),
                List.of(new Artifact("linux_amd64/x", "example.com/x", "x", 5, "ab", info)),
                new Rebuilds(1, 9, 0.9, 1, List.of(new RootCause(RebuildKind.SOURCE_CHANGED, "a.go changed", List.of("p"), 1,
                        List.of("q"), null)), List.of(new RebuildCause("p", "COMPILE", RebuildKind.SOURCE_CHANGED, "a.go changed",
                        true, null, List.of("a.go changed"), null))),
                List.of(new SkippedFile("p", "a_windows.go", "FILENAME", "suffix", List.of("windows"))));
        BuildReport report = new BuildReport(1, "BUILD", "id", "gobuild dev", "example.com/x", "/m",
                new ToolchainInfo("go1.26.8", "go", "/go", "linux", "amd64", "local"), new HostInfo("h", "linux", "amd64", 2),
                new SourceInfo("1.0", "abc", null, false, "2026-01-01T00:00:00Z", SourceInfo.DateSource.BUILD_START),
                BuildRequest.builder().build(), "s", "f", 10, BuildReport.RunStatus.SUCCESS, null,
                List.of(new StageTime("compile", 5)), List.of(target),
                List.of(new Warning(Warning.WarningKind.SOURCE_UNKNOWN, null, "w")),
                new Verification(CheckStatus.WARN, false, List.of(new Check("tidy", CheckStatus.WARN, "untidy", List.of("-a", "+b"))),
                        Map.of("GOPROXY", "off"), "2026-11-22T08:00:00Z"),
                new CacheReport("/h", "/h/go-build", "/h/go-mod", 1, 2, 3, 4, null, 0, 0),
                List.of(new Finding(Finding.FindingKind.FILE_IN_NO_TARGET, "p", "q.go", "m", List.of("linux/amd64"))),
                new PublishReport("https://repo/x", "x", "1.0", List.of("r.json"),
                        List.of(new PublishReport.PublishedFile("x.tar.gz", PublishReport.Role.ARCHIVE, "linux/amd64", 3, "ab",
                                "https://repo/x/x.tar.gz", PublishReport.Outcome.UPLOADED, null)),
                        List.of(new PublishReport.Signer("OPENPGP", "F00", List.of("x.asc"))), "x.intoto.jsonl", "/w/dist/release",
                        "/w/dist/publish-report.json"));
        assertThat(ReportJson.read(ReportJson.write(report), BuildReport.class)).isEqualTo(report);

        String future = new String(ReportJson.write(report)).replaceFirst("\\{", "{ \"cache\": {\"hits\": 3},");
        assertThat(ReportJson.read(future.getBytes(), BuildReport.class)).isEqualTo(report);
    }
}
