package io.gobuild.cli;

import io.gobuild.engine.local.LocalFilePort;
import io.gobuild.engine.report.BuildReport;
import io.gobuild.engine.report.ReportJson;
import io.gobuild.engine.report.html.HtmlReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** `gobuild report`: one HTML page from one or several reports. */
@Command(name = "report", sortOptions = false,
        description = {"Renders one self-contained HTML page from one or more reports (build, verify or publish; matrix cells "
                + "built on different agents are merged into one view).", "",
                "Exit status: 0 written, 2 a report cannot be read or the options are wrong."})
final class ReportCommand implements Callable<Integer> {
    private final Main.Console console;

    @Parameters(paramLabel = "REPORT", arity = "1..*", description = "Report files (build-report.json, verify-report.json, publish-report.json).")
    List<String> reports = new ArrayList<>();

    @Option(names = "--html", paramLabel = "FILE", required = true, description = "The page to write.")
    String html;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
    boolean help;

    ReportCommand(Main.Console console) {
        this.console = console;
    }

    @Override
    public Integer call() {
        Path cwd = Path.of(console.workingDirectory());
        List<BuildReport> read = new ArrayList<>();
        for (String given : reports) {
            Path path = cwd.resolve(given);
            try {
                read.add(ReportJson.read(Files.readAllBytes(path), BuildReport.class));
            } catch (IOException e) {
                console.err().println("gobuild: report " + path + " cannot be read as a gobuild report ("
                        + String.valueOf(e.getMessage()).lines().findFirst().orElse("") + ")");
                return Main.EXIT_USAGE;
            }
        }
        Path target = cwd.resolve(html).toAbsolutePath();
        try {
            LocalFilePort files = new LocalFilePort();
            files.createDirectories(target.getParent().toString());
            files.writeAtomically(target.toString(), HtmlReport.render(read).getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            console.err().println("gobuild: cannot write " + target + ": " + e.getMessage());
            return Main.EXIT_FAILED;
        }
        console.out().println("page:     " + target);
        return Main.EXIT_OK;
    }
}
