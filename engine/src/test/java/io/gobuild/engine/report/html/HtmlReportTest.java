package io.gobuild.engine.report.html;

import io.gobuild.engine.GoBuildEngine;
import io.gobuild.engine.publish.PublishRequest;
import io.gobuild.engine.report.BuildReport;
import io.gobuild.engine.report.ReportJson;
import io.gobuild.engine.request.BuildRequest;
import io.gobuild.engine.support.Browser;
import io.gobuild.engine.support.GoTestSupport;
import io.gobuild.engine.support.RecordingLog;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Pages rendered from real builds and publishes, looked at in real headless Chromium. */
class HtmlReportTest {
    @TempDir
    static Path temp;
    static ChromeDriver browser;
    static Path module;
    static BuildReport rebuilt;
    static BuildReport published;

    @BeforeAll
    static void buildTwiceAndPublish() throws Exception {
        browser = Browser.start();
        module = GoTestSupport.copyExample(temp);
        GoBuildEngine engine = new GoBuildEngine(GoTestSupport.host(module), new RecordingLog());
        BuildRequest request = BuildRequest.builder().moduleDir(module.toString()).targets(List.of("linux/amd64", "windows/amd64"))
                .version("v1.4.0").build();
        engine.build(request);
        Path greet = module.resolve("internal/greet/greet.go");
        // A change no earlier run made, so the shared warm cache cannot already hold its result.
        Files.writeString(greet, Files.readString(greet).replace("Hello from", "Hello " + java.util.UUID.randomUUID() + " from"));
        rebuilt = engine.build(request);
        published = engine.publish(PublishRequest.builder().reports(List.of(rebuilt.request().report()))
                .destination(temp.resolve("release").toString()).workingDirectory(module.toString()).build());
    }

    @AfterAll
    static void quit() {
        if (browser != null) {
            browser.quit();
        }
    }

    private static String open(Path page) {
        browser.get(page.toUri().toString());
        return browser.findElement(By.tagName("body")).getText();
    }

    @Test
    void theBuildWritesAPageBesideItsReportThatShowsMatrixCausesAndSkippedFiles() throws Exception {
        Path page = module.resolve("dist/build-report.html");
        String text = open(page);

        assertThat(browser.getTitle()).isEqualTo("gobuild: example.com/hello SUCCESS");
        assertThat(text).contains("example.com/hello", "SUCCESS", "v1.4.0", rebuilt.toolchain().version());
        WebElement matrix = browser.findElement(By.id("matrix"));
        assertThat(matrix.getText()).contains("linux/amd64", "windows/amd64", "linux_amd64/hello", "windows_amd64/hello.exe",
                rebuilt.targets().get(0).artifacts().get(0).sha256());
        assertThat(matrix.findElements(By.cssSelector("svg rect.bar"))).hasSize(2);

        WebElement causes = browser.findElement(By.id("rebuilds"));
        assertThat(causes.getText()).contains("SOURCE_CHANGED", "example.com/hello/internal/greet");
        WebElement firstCause = causes.findElement(By.cssSelector("details.cause"));
        assertThat(firstCause.getAttribute("open")).isNull();
        firstCause.findElement(By.tagName("summary")).click();
        assertThat(firstCause.getAttribute("open")).isNotNull();
        assertThat(firstCause.getText()).contains("example.com/hello/cmd/hello");

        WebElement skips = browser.findElement(By.id("skips"));
        browser.findElement(By.id("expand")).click();
        assertThat(skips.getText()).contains("greet_windows.go", "greet_other.go", "windows");
        Browser.screenshot(browser, "build-report");

        WebElement filter = browser.findElement(By.id("filter"));
        filter.sendKeys("greet_windows");
        Thread.sleep(400);
        List<WebElement> visible = skips.findElements(By.cssSelector("tr[data-f]")).stream().filter(WebElement::isDisplayed).toList();
        assertThat(visible).isNotEmpty().allMatch(row -> row.getText().contains("greet_windows.go"));
        assertThat(browser.findElement(By.id("matrix")).findElements(By.cssSelector("tr[data-f]")).stream()
                .filter(WebElement::isDisplayed)).isEmpty();
        Browser.screenshot(browser, "build-report-filtered");
    }

    @Test
    void verifyOnlyAndPublishReportsRenderTheirOwnSections() throws Exception {
        Path publishPage = module.resolve("dist/publish-report.html");
        String text = open(publishPage);
        assertThat(text).contains("Publishing", "hello_v1.4.0_linux_amd64.tar.gz", "UPLOADED", "hello_v1.4.0_checksums.txt");
        assertThat(browser.findElements(By.id("matrix"))).isEmpty();

        BuildReport verified = new GoBuildEngine(GoTestSupport.host(module), new RecordingLog())
                .verify(BuildRequest.builder().moduleDir(module.toString()).build());
        String verifyText = open(Path.of(HtmlReport.pathBeside(verified.request().report())));
        assertThat(verifyText).contains("Verification", "go-sum", "PASS");
        assertThat(browser.findElements(By.id("rebuilds"))).isEmpty();
        Browser.screenshot(browser, "verify-report");
    }

    @Test
    void severalReportsMergeIntoOneViewGroupedByAgent() throws Exception {
        BuildReport fromAnotherAgent = ReportJson.read(ReportJson.write(rebuilt).clone(), BuildReport.class);
        fromAnotherAgent = withHost(fromAnotherAgent, "agent-arm-7");
        Path page = temp.resolve("merged.html");
        Files.writeString(page, HtmlReport.render(List.of(rebuilt, fromAnotherAgent, published)));

        String text = open(page);
        assertThat(text).contains("agent-arm-7", rebuilt.host().name(), "Publishing", "4 CPUs, GOMEMLIMIT 2048MiB");
        assertThat(browser.findElement(By.id("matrix")).findElements(By.cssSelector("tbody tr"))).hasSize(4);
    }

    private static BuildReport withHost(BuildReport r, String name) {
        return new BuildReport(r.schemaVersion(), r.kind(), r.runId(), r.tool(), r.module(), r.moduleDir(), r.toolchain(),
                new io.gobuild.engine.report.HostInfo(name, "linux", "arm64", 4, "2048MiB"), r.source(), r.request(), r.startedAt(), r.finishedAt(),
                r.durationMs(), r.status(), r.message(), r.stages(), r.targets(), r.warnings(), r.verification(), r.cache(), r.findings(),
                r.publish());
    }
}
