package io.gobuild.engine.report.html;

import io.gobuild.engine.request.ByteSize;
import io.gobuild.engine.report.BuildReport;
import io.gobuild.engine.report.Check;
import io.gobuild.engine.report.PublishReport;

import java.util.List;
import java.util.Locale;

/** Verification checks and publish results, with their outcomes. */
final class ChecksSection {
    private ChecksSection() {
    }

    static void verification(Html html, List<BuildReport> reports) {
        List<BuildReport> verified = reports.stream().filter(r -> r.verification() != null).toList();
        if (verified.isEmpty()) {
            return;
        }
        html.raw("<section id=\"verification\"><h2>Verification</h2>");
        for (BuildReport report : verified) {
            if (verified.size() > 1 && report.host() != null) {
                html.element("h3", null, report.host().name());
            }
            html.raw("<table>").header("Check", "Status", "Result").raw("<tbody>");
            for (Check check : report.verification().checks()) {
                html.row(check.id() + " " + check.status() + " " + check.message()).cell("mono", check.id())
                        .cell("status " + check.status().name().toLowerCase(Locale.ROOT), check.status()).raw("<td>").text(check.message());
                if (!check.details().isEmpty()) {
                    html.raw("<details><summary>details</summary><pre>").text(String.join("\n", check.details())).raw("</pre></details>");
                }
                html.raw("</td></tr>");
            }
            html.raw("</tbody></table>");
        }
        html.raw("</section>");
    }

    static void publish(Html html, List<BuildReport> reports) {
        List<PublishReport> published = reports.stream().map(BuildReport::publish).filter(p -> p != null).toList();
        if (published.isEmpty()) {
            return;
        }
        html.raw("<section id=\"publish\"><h2>Publishing</h2>");
        for (PublishReport publish : published) {
            html.raw("<p>").text(publish.name() + " " + publish.version() + " → " + publish.destination()).raw("</p>");
            for (PublishReport.Signer signer : publish.signers()) {
                html.element("p", "quiet", signer.kind() + " key " + signer.keyId() + " signed " + String.join(", ", signer.signatures()));
            }
            html.raw("<table>").header("File", "Role", "Outcome", "Size", "sha256", "Where / why").raw("<tbody>");
            for (PublishReport.PublishedFile f : publish.files()) {
                html.row(f.name() + " " + f.outcome() + " " + f.role()).cell("mono", f.name()).cell(f.role())
                        .cell("status " + f.outcome().name().toLowerCase(Locale.ROOT), f.outcome()).cell("num", ByteSize.format(f.size()))
                        .raw("<td><code class=\"sha\" title=\"click to copy\">").text(f.sha256()).raw("</code></td>")
                        .cell(f.message() == null ? f.destination() : f.message()).raw("</tr>");
            }
            html.raw("</tbody></table>");
        }
        html.raw("</section>");
    }
}
