package io.gobuild.cli;

import io.gobuild.engine.publish.PublishRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** `gobuild publish`: package, checksum, sign and upload what builds produced. */
@Command(name = "publish", sortOptions = false,
        description = {"Packages the binaries of one or more build reports into reproducible archives, writes a sha256 checksum "
                + "file, signs it (OpenPGP and/or cosign), records SLSA provenance, and publishes the release to a directory or an "
                + "http(s) repository (PUT, WebDAV MOVE). Files already published with identical content are skipped; different "
                + "content is refused unless --overwrite. The checksum file and its signatures go last.", "",
                "Exit status: 0 published, 1 a file failed to publish, 2 usage or configuration error, 130 interrupted."})
final class PublishCommand implements Callable<Integer> {
    private final Main.Console console;

    @Option(names = "--from", paramLabel = "REPORT", required = true,
            description = "A build report (build-report.json); repeatable, to publish one release from several matrix cells.")
    List<String> from = new ArrayList<>();

    @Option(names = "--to", paramLabel = "DEST", required = true, description = "A directory, or an http(s) URL of a repository.")
    String to;

    @Option(names = "--report", paramLabel = "FILE", description = "Publish report (default: publish-report.json beside the first --from).")
    String report;

    @Mixin
    PublishOptions options = new PublishOptions();

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
    boolean help;

    PublishCommand(Main.Console console) {
        this.console = console;
    }

    @Override
    public Integer call() {
        return EngineRun.run(console, engine -> engine.publish(options.applyTo(PublishRequest.builder(), console)
                .reports(from).destination(to).reportPath(report).build()));
    }
}
