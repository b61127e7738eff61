package io.gobuild.engine.report.html;

import io.gobuild.engine.report.BuildReport;
import io.gobuild.engine.support.Browser;
import io.gobuild.engine.support.GoTestSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Pages that try to break: markup in every name, and a report of thousands of packages. */
class HostileAndLargeReportTest {
    private static final String SCRIPT = "<script>window.__pwned=1</script>";
    private static final String IMAGE = "\"><img src=x onerror=\"window.__pwned=2\">";
    @TempDir
    static Path temp;
    static ChromeDriver browser;

    @BeforeAll
    static void start() {
        browser = Browser.start();
    }

    @AfterAll
    static void quit() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void markupInNamesStaysText() throws Exception {
        BuildReport hostile = SyntheticReports.of("example.com/" + SCRIPT, "x" + IMAGE, 3, 2, List.of("linux/amd64"));
        Path page = temp.resolve("hostile.html");
        Files.writeString(page, HtmlReport.render(List.of(hostile)));

        browser.get(page.toUri().toString());
        assertThat(browser.executeScript("return window.__pwned === undefined")).isEqualTo(true);
        String text = browser.findElement(By.tagName("body")).getText();
        assertThat(text).contains("example.com/" + SCRIPT);
        browser.findElement(By.id("expand")).click();
        assertThat(browser.findElement(By.id("rebuilds")).getText()).contains("turn on -trimpath <b>now</b>");
        assertThat(browser.findElement(By.id("skips")).getText()).contains("x" + IMAGE + "_0_windows.go");
        assertThat(browser.findElements(By.tagName("img"))).isEmpty();
        assertThat(browser.findElements(By.tagName("b"))).isEmpty();
        assertThat(browser.executeScript("return window.__pwned === undefined")).isEqualTo(true);
        Browser.screenshot(browser, "hostile-report");
    }

    /**
     * Not a timing assertion: records how long Chromium takes to load a page of several thousand
     * packages and to apply the filter, for docs/benchmarks.md.
     */
    @Test
    void aReportOfThousandsOfPackagesStaysUsable() throws Exception {
        BuildReport large = SyntheticReports.of("example.com/big", "big", 1500, 500, List.of("linux/amd64", "windows/amd64", "darwin/arm64"));
        Path page = temp.resolve("large.html");
        Files.writeString(page, HtmlReport.render(List.of(large)));

        browser.get(page.toUri().toString());
        @SuppressWarnings("unchecked")
        Map<String, Object> timing = (Map<String, Object>) browser.executeScript(
                "var n = performance.getEntriesByType('navigation')[0];"
                        + "return {dom: n.domContentLoadedEventEnd, load: n.loadEventEnd, rows: document.querySelectorAll('[data-f]').length};");
        Object filterMs = browser.executeAsyncScript(
                "var done = arguments[arguments.length - 1]; var f = document.getElementById('filter');"
                        + "var probe = document.querySelector('#matrix tr[data-f]'); var t = performance.now();"
                        + "f.value = 'pkg1499'; f.dispatchEvent(new Event('input'));"
                        + "(function wait() { if (probe.hidden) { requestAnimationFrame(function () { done(performance.now() - t - 120); }); }"
                        + " else { setTimeout(wait, 5); } })();");
        @SuppressWarnings("unchecked")
        List<String> shown = (List<String>) browser.executeScript("return Array.prototype.filter.call("
                + "document.querySelectorAll('#rebuilds tr[data-f]'), function (r) { return r.offsetParent !== null; })"
                + ".map(function (r) { return r.textContent; });");
        assertThat(shown).hasSize(3).allMatch(row -> row.contains("pkg1499"));
        String line = String.format(Locale.ROOT, "html render: %s packages, %s filterable rows, %d KiB: DOMContentLoaded %.0f ms, load %.0f ms, "
                + "filter %.0f ms", 3 * 1500, timing.get("rows"), Files.size(page) / 1024, ((Number) timing.get("dom")).doubleValue(),
                ((Number) timing.get("load")).doubleValue(), ((Number) filterMs).doubleValue());
        Files.writeString(GoTestSupport.repositoryRoot().resolve("engine/target/html-render-benchmark.txt"), line + "\n");
        System.out.println(line);
        Browser.screenshot(browser, "large-report-filtered");
    }
}
