package io.gobuild.engine.report.html;

import io.gobuild.engine.report.RebuildCause;
import io.gobuild.engine.report.Rebuilds;
import io.gobuild.engine.report.RootCause;

import java.util.List;

/** Why packages were compiled instead of served from cache: root causes first, then every package. */
final class RebuildSection {
    private RebuildSection() {
    }

    static void render(Html html, List<Cell> cells) {
        List<Cell> explained = cells.stream().filter(c -> c.target().rebuilds() != null).toList();
        if (explained.isEmpty()) {
            return;
        }
        html.raw("<section id=\"rebuilds\"><h2>Why it rebuilt</h2>");
        for (Cell cell : explained) {
            Rebuilds r = cell.target().rebuilds();
            html.raw("<h3>").text(cell.label()).raw("</h3><p class=\"summary\">").text(r.compiled() + " compiled, " + r.reused()
                    + " from cache, " + r.linked() + " linked").raw("</p>");
            if (r.rootCauses().isEmpty()) {
                html.element("p", "quiet", r.compiled() == 0 ? "Everything came from the cache." : "No root cause recorded.");
            }
            for (RootCause root : r.rootCauses()) {
                html.raw("<details class=\"cause\" data-group><summary>").element("span", "kind", root.kind()).text(" ")
                        .text(root.detail()).text(" — " + String.join(", ", root.packages()))
                        .element("span", "dragged", root.dragged() > 0 ? " dragged along " + root.dragged() + " package(s)" : "")
                        .raw("</summary>");
                if (root.advice() != null) {
                    html.element("p", "advice", root.advice());
                }
                html.raw("<ul class=\"packages\">");
                for (String p : root.draggedPackages()) {
                    html.raw("<li data-f=\"").text(p.toLowerCase(java.util.Locale.ROOT)).raw("\">").text(p).raw("</li>");
                }
                html.raw("</ul></details>");
            }
            if (!r.causes().isEmpty()) {
                html.raw("<details class=\"detail\" data-group><summary>").text("Every package (" + r.causes().size() + ")")
                        .raw("</summary><table>").header("Package", "Step", "Cause", "Detail", "Root cause").raw("<tbody>");
                for (RebuildCause c : r.causes()) {
                    html.row(c.packagePath() + " " + c.kind() + " " + c.detail()).cell("mono", c.packagePath()).cell(c.step())
                            .cell(c.kind()).raw("<td>").text(c.detail());
                    for (String change : c.changes()) {
                        html.element("div", "change mono", change);
                    }
                    if (c.advice() != null) {
                        html.element("div", "advice", c.advice());
                    }
                    html.raw("</td>").cell(c.root() ? "(root)" : c.rootCause()).raw("</tr>");
                }
                html.raw("</tbody></table></details>");
            }
        }
        html.raw("</section>");
    }
}
