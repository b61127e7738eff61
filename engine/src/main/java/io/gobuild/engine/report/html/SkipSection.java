package io.gobuild.engine.report.html;

import io.gobuild.engine.report.BuildReport;
import io.gobuild.engine.report.Finding;
import io.gobuild.engine.report.SkippedFile;

import java.util.List;

/** Files build constraints left out, per target, and what only the whole matrix shows. */
final class SkipSection {
    private SkipSection() {
    }

    static void render(Html html, List<Cell> cells, List<BuildReport> reports) {
        List<Cell> skipping = cells.stream().filter(c -> !c.target().skippedFiles().isEmpty()).toList();
        List<Finding> findings = reports.stream().flatMap(r -> r.findings().stream()).toList();
        if (skipping.isEmpty() && findings.isEmpty()) {
            return;
        }
        html.raw("<section id=\"skips\"><h2>Skipped files</h2>");
        if (!findings.isEmpty()) {
            html.raw("<table class=\"findings\">").header("Finding", "Package", "File", "Message", "Targets").raw("<tbody>");
            for (Finding f : findings) {
                html.row(f.kind() + " " + f.packagePath() + " " + f.file() + " " + f.message()).cell(f.kind()).cell("mono", f.packagePath())
                        .cell("mono", f.file()).cell(f.message()).cell(String.join(", ", f.targets())).raw("</tr>");
            }
            html.raw("</tbody></table>");
        }
        for (Cell cell : skipping) {
            html.raw("<details class=\"skips\" data-group><summary>").text(cell.label() + ": " + cell.target().skippedFiles().size()
                    + " file(s) skipped").raw("</summary><table>").header("Package", "File", "Why", "Deciding terms").raw("<tbody>");
            for (SkippedFile s : cell.target().skippedFiles()) {
                html.row(cell.target().target() + " " + s.packagePath() + " " + s.file() + " " + s.reason())
                        .cell("mono", s.packagePath()).cell("mono", s.file()).cell(s.reason())
                        .cell("mono", String.join(" ", s.decidingTerms())).raw("</tr>");
            }
            html.raw("</tbody></table></details>");
        }
        html.raw("</section>");
    }
}
