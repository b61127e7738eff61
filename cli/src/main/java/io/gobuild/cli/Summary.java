package io.gobuild.cli;

import io.gobuild.engine.report.BuildReport;
import io.gobuild.engine.report.Check;
import io.gobuild.engine.report.PublishReport;
import io.gobuild.engine.report.TargetResult;
import io.gobuild.engine.report.html.HtmlReport;
import io.gobuild.engine.request.ByteSize;

import java.io.PrintWriter;
import java.util.Locale;

/** The table printed when a build ends: one row per target, then where the binaries and report are. */
final class Summary {
    private final PrintWriter out;

    Summary(PrintWriter out) {
        this.out = out;
    }

    void print(BuildReport report) {
        if (report.verification() != null) {
            for (Check check : report.verification().checks()) {
                out.printf(Locale.ROOT, "%-4s  %-18s  %s%n", check.status(), check.id(), check.message());
            }
            out.println();
        }
        if (report.kind().equals("BUILD")) {
            printTargets(report);
        }
        if (report.publish() != null) {
            printPublish(report.publish());
        } else {
            out.println("report:   " + report.request().report());
            out.println("page:     " + HtmlReport.pathBeside(report.request().report()));
        }
        out.println("status:   " + report.status() + (report.message() == null ? "" : " (" + report.message() + ")"));
        out.flush();
    }

    private void printTargets(BuildReport report) {
        int width = Math.max(6, report.targets().stream().mapToInt(t -> t.target().length()).max().orElse(6));
        String row = "%-" + width + "s  %-9s  %7s  %s%n";
        out.printf(Locale.ROOT, row, "TARGET", "STATUS", "TIME", "ARTIFACTS / FIRST ERROR");
        for (TargetResult target : report.targets()) {
            out.printf(Locale.ROOT, row, target.target(), target.status(),
                    String.format(Locale.ROOT, "%.1fs", target.durationMs() / 1000.0), detail(target));
        }
        out.println();
        out.println("binaries: " + report.request().out());
    }

    private void printPublish(PublishReport publish) {
        int width = Math.max(4, publish.files().stream().mapToInt(f -> f.name().length()).max().orElse(4));
        String row = "%-" + width + "s  %-17s  %s%n";
        out.printf(Locale.ROOT, row, "FILE", "OUTCOME", "DESTINATION / MESSAGE");
        for (PublishReport.PublishedFile file : publish.files()) {
            out.printf(Locale.ROOT, row, file.name(), file.outcome(), file.message() == null ? file.destination() : file.message());
        }
        out.println();
        out.println("release:  " + publish.name() + " " + publish.version() + " -> " + publish.destination());
    }

    private static String detail(TargetResult target) {
        if (!target.errors().isEmpty()) {
            var error = target.errors().get(0);
            String where = error.file() == null ? "" : error.file() + ":" + error.line() + ": ";
            return where + error.message().lines().findFirst().orElse("")
                    + (target.errors().size() > 1 ? " (+" + (target.errors().size() - 1) + " more)" : "");
        }
        return String.join(", ", target.artifacts().stream()
                .map(a -> a.path() + " (" + ByteSize.format(a.size()) + ")").toList());
    }

}
