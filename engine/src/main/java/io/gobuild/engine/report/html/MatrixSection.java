package io.gobuild.engine.report.html;

import io.gobuild.engine.request.ByteSize;
import io.gobuild.engine.report.Artifact;
import io.gobuild.engine.report.CompileError;
import io.gobuild.engine.report.TargetResult;

import java.util.List;
import java.util.Locale;

/** One row per target and agent, and a timeline of the targets' build times in inline SVG. */
final class MatrixSection {
    private static final int WIDTH = 760;
    private static final int BAR = 18;
    private static final int LABEL = 220;
    /** About what fits in LABEL units at the chart's font size. */
    private static final int LABEL_CHARS = 28;

    private MatrixSection() {
    }

    static void render(Html html, List<Cell> cells) {
        if (cells.isEmpty()) {
            return;
        }
        html.raw("<section id=\"matrix\"><h2>Matrix</h2><table class=\"matrix\">")
                .header("Target", "Agent", "Status", "Time", "Artifacts (size, sha256)", "Compiled", "From cache", "Hit ratio").raw("<tbody>");
        for (Cell cell : cells) {
            TargetResult t = cell.target();
            html.row(t.target() + " " + cell.agent() + " " + t.status() + " "
                    + String.join(" ", t.artifacts().stream().map(Artifact::path).toList()));
            html.cell(t.target()).cell(cell.agent()).cell("status " + t.status().name().toLowerCase(Locale.ROOT), t.status())
                    .cell("num", Html.duration(t.durationMs())).raw("<td>");
            if (Boolean.TRUE.equals(t.upToDate())) {
                html.element("div", "up-to-date", "up to date: go not run, the binaries are the last build's");
            }
            for (Artifact a : t.artifacts()) {
                html.raw("<div class=\"artifact\">").element("span", "path", a.path()).text(" (" + ByteSize.format(a.size()) + ") ")
                        .raw("<code class=\"sha\" title=\"click to copy\">").text(a.sha256()).raw("</code></div>");
            }
            for (CompileError e : t.errors()) {
                html.element("div", "error", (e.file() == null ? "" : e.file() + ":" + e.line() + ": ") + e.message());
            }
            html.raw("</td>");
            if (t.rebuilds() != null) {
                html.cell("num", t.rebuilds().compiled()).cell("num", t.rebuilds().reused())
                        .cell("num", String.format(Locale.ROOT, "%.0f%%", t.rebuilds().hitRatio() * 100));
            } else {
                html.cell("").cell("").cell("");
            }
            html.raw("</tr>");
        }
        html.raw("</tbody></table>");
        timeline(html, cells);
        html.raw("</section>");
    }

    /** A label that fits left of the bars; the whole one is the element's title. */
    private static String shortened(String label) {
        return label.length() <= LABEL_CHARS ? label : label.substring(0, LABEL_CHARS - 1) + "…";
    }

    /** Bars from each target's start to its end, on one time axis per report. */
    private static void timeline(Html html, List<Cell> cells) {
        long span = Math.max(1, cells.stream().mapToLong(c -> c.target().startOffsetMs() + c.target().durationMs()).max().orElse(1));
        int height = cells.size() * (BAR + 6) + 24;
        html.raw("<figure class=\"timeline\"><figcaption>Build times</figcaption><svg role=\"img\" aria-label=\"build timeline\" "
                + "viewBox=\"0 0 " + (WIDTH + LABEL + 80) + " " + height + "\" width=\"100%\">");
        int y = 4;
        for (Cell cell : cells) {
            TargetResult t = cell.target();
            double x = LABEL + WIDTH * (double) t.startOffsetMs() / span;
            double w = Math.max(2, WIDTH * (double) t.durationMs() / span);
            html.raw("<text x=\"" + (LABEL - 8) + "\" y=\"" + (y + 13) + "\" text-anchor=\"end\"><title>").text(cell.label())
                    .raw("</title>").text(shortened(cell.label())).raw("</text>");
            html.raw(String.format(Locale.ROOT, "<rect class=\"bar %s\" x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%d\" rx=\"3\"><title>",
                    t.status().name().toLowerCase(Locale.ROOT), x, y, w, BAR)).text(t.target() + ": " + Html.duration(t.durationMs()))
                    .raw("</title></rect>");
            html.raw(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\">", x + w + 6, y + 13)).text(Html.duration(t.durationMs()))
                    .raw("</text>");
            y += BAR + 6;
        }
        html.raw(String.format(Locale.ROOT, "<text class=\"axis\" x=\"%d\" y=\"%d\">0s</text><text class=\"axis\" x=\"%d\" y=\"%d\" "
                + "text-anchor=\"end\">", LABEL, y + 14, LABEL + WIDTH, y + 14)).text(Html.duration(span)).raw("</text></svg></figure>");
    }
}
