package io.gobuild.engine.report.html;

import io.gobuild.engine.report.BuildReport;
import io.gobuild.engine.report.BuildReport.RunStatus;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * One self-contained HTML page for one or several reports (matrix cells from different agents):
 * inline CSS and a little inline JS, no network access, every report value escaped. It works with
 * any subset of sections: a verify-only or a publish report renders the sections it has.
 */
public final class HtmlReport {
    private HtmlReport() {
    }

    public static String render(List<BuildReport> reports) {
        if (reports.isEmpty()) {
            throw new IllegalArgumentException("no report to render");
        }
        List<Cell> cells = new ArrayList<>();
        reports.forEach(r -> r.targets().forEach(t -> cells.add(new Cell(r, t))));
        Html html = new Html();
        html.raw("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">")
                .raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .raw("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; "
                        + "script-src 'unsafe-inline'; img-src data:\">")
                .element("title", null, "gobuild: " + reports.get(0).module() + " " + verdict(reports))
                .raw("<style>").raw(resource("report.css")).raw("</style></head><body>");
        header(html, reports);
        html.raw("<main>");
        html.raw("<div class=\"tools\"><label>Filter <input id=\"filter\" type=\"search\" autocomplete=\"off\" "
                + "placeholder=\"target, package, file, cause…\"></label> <button type=\"button\" id=\"expand\">Expand all</button> "
                + "<button type=\"button\" id=\"collapse\">Collapse all</button></div>");
        MatrixSection.render(html, cells);
        RebuildSection.render(html, cells);
        SkipSection.render(html, cells, reports);
        ChecksSection.verification(html, reports);
        ChecksSection.publish(html, reports);
        html.raw("</main><script>").raw(resource("report.js")).raw("</script></body></html>");
        return html.toString();
    }

    /** Where the page of a JSON report goes: the same name with .html instead of .json. */
    public static String pathBeside(String reportPath) {
        return (reportPath.endsWith(".json") ? reportPath.substring(0, reportPath.length() - 5) : reportPath) + ".html";
    }

    private static void header(Html html, List<BuildReport> reports) {
        BuildReport first = reports.get(0);
        String verdict = verdict(reports);
        html.raw("<header><h1>").text(first.module()).raw(" <span class=\"verdict ").raw(verdict.toLowerCase(Locale.ROOT)).raw("\">")
                .text(verdict).raw("</span></h1><dl class=\"facts\">");
        fact(html, "Version", distinct(reports, r -> r.source() == null ? null : r.source().version()));
        fact(html, "Commit", distinct(reports, r -> r.source() == null || r.source().commit() == null ? null
                : r.source().commit() + (Boolean.TRUE.equals(r.source().dirty()) ? " (modified)" : "")));
        fact(html, "Go", distinct(reports, r -> r.toolchain() == null ? null : r.toolchain().version()));
        fact(html, "Agents", distinct(reports, r -> r.host() == null ? null : r.host().name() + " (" + r.host().os() + "/"
                + r.host().arch() + ", " + r.host().cpus() + " CPUs"
                + (r.host().goMemoryLimit() == null ? "" : ", GOMEMLIMIT " + r.host().goMemoryLimit()) + ")"));
        fact(html, "When", distinct(reports, r -> r.startedAt() == null ? null : r.startedAt().replace('T', ' ').replaceFirst("\\.\\d+Z$", "Z")
                + ", " + Html.duration(r.durationMs())));
        fact(html, "Runs", distinct(reports, r -> r.kind() + " " + r.status() + (r.message() == null ? "" : ": " + r.message())));
        html.raw("</dl></header>");
    }

    private static void fact(Html html, String name, Set<String> values) {
        if (!values.isEmpty()) {
            html.element("dt", null, name).element("dd", null, String.join("; ", values));
        }
    }

    private static Set<String> distinct(List<BuildReport> reports, java.util.function.Function<BuildReport, String> value) {
        Set<String> values = new LinkedHashSet<>();
        reports.forEach(r -> {
            String v = value.apply(r);
            if (v != null && !v.isBlank()) {
                values.add(v);
            }
        });
        return values;
    }

    /** The worst status of the reports: one failed cell fails the whole view. */
    static String verdict(List<BuildReport> reports) {
        if (reports.stream().anyMatch(r -> r.status() == RunStatus.FAILURE)) {
            return "FAILURE";
        }
        return reports.stream().anyMatch(r -> r.status() == RunStatus.CANCELLED) ? "CANCELLED" : "SUCCESS";
    }

    private static String resource(String name) {
        try (InputStream in = HtmlReport.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
