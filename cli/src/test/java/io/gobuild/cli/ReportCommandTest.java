package io.gobuild.cli;

import io.gobuild.engine.support.GoTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class ReportCommandTest {
    @TempDir
    Path temp;

    @Test
    void buildWritesAPageAndReportMergesSeveralReportsIntoOne() throws Exception {
        Path module = GoTestSupport.copyExample(temp);
        CliRun linux = CliRun.run(module, "build", "-t", "linux/amd64", "-o", "cell-linux");
        CliRun windows = CliRun.run(module, "build", "-t", "windows/amd64", "-o", "cell-windows", "--no-verify");
        assertThat(linux.exitCode()).as(linux.err()).isZero();
        assertThat(windows.exitCode()).as(windows.err()).isZero();
        assertThat(linux.out()).contains("page:     " + module.resolve("cell-linux/build-report.html"));
        assertThat(module.resolve("cell-linux/build-report.html")).exists();

        CliRun merged = CliRun.run(module, "report", "cell-linux/build-report.json", "cell-windows/build-report.json", "--html", "all.html");

        assertThat(merged.exitCode()).as(merged.err()).isZero();
        String page = Files.readString(module.resolve("all.html"));
        assertThat(page).startsWith("<!DOCTYPE html>").contains("linux_amd64/hello", "windows_amd64/hello.exe")
                .doesNotContain("http://", "https://");
    }

    @Test
    void anUnreadableReportIsAUsageError() throws Exception {
        Files.writeString(temp.resolve("bad.json"), "{not json");
        CliRun run = CliRun.run(temp, "report", "bad.json", "--html", "out.html");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("gobuild: report " + temp.resolve("bad.json") + " cannot be read as a gobuild report");
        assertThat(temp.resolve("out.html")).doesNotExist();
    }
}
