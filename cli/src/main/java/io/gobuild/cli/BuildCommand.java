package io.gobuild.cli;

import io.gobuild.engine.publish.PublishRequest;
import io.gobuild.engine.report.BuildReport;
import io.gobuild.engine.request.BuildRequest;
import io.gobuild.engine.request.OverrideSpecs;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Mixin;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** `gobuild build`: cross-compile a module for a matrix of targets and write the report. */
@Command(name = "build", sortOptions = false,
        description = {"Cross-compiles the main packages of a Go module for a matrix of targets and writes "
                + "build-report.json.", "",
                "Verifies the module (see gobuild verify --help) unless --no-verify: the first target's go build runs "
                + "meanwhile, and nothing is placed before the verdict; a failed verification skips every target.", "",
                "Exit status: 0 every target built, 1 a target or the verification failed, 2 usage or configuration error, 130 interrupted."})
final class BuildCommand implements Callable<Integer> {
    private final Main.Console console;

    @Option(names = {"-t", "--target"}, paramLabel = "TARGET", split = ",",
            description = "GOOS/GOARCH[/VARIANT] (linux/arm/7, linux/amd64/v3), 'host' or 'first-class'; repeatable. Default: host.")
    List<String> targets = new ArrayList<>();

    @Option(names = "--exclude", paramLabel = "PATTERN", split = ",",
            description = "Targets to leave out, '*' allowed (windows/*); repeatable.")
    List<String> exclude = new ArrayList<>();

    @Option(names = {"-p", "--package"}, paramLabel = "PKG", split = ",",
            description = "Main packages to build (./cmd/tool, ./cmd/...). Default: the module root if it is a main package, else ./cmd/... "
                    + "A package is built for every target whose build constraints include it.")
    List<String> packages = new ArrayList<>();

    @Option(names = "--tags", paramLabel = "TAG", split = ",", description = "Build tags; repeatable or comma-separated.")
    List<String> tags = new ArrayList<>();

    @Option(names = "--trimpath", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Build with -trimpath (default on: reproducible binaries, one cache for every workspace).")
    boolean trimpath;

    @Option(names = "--ldflags", paramLabel = "FLAGS",
            description = "Linker flags; {{.Version}}, {{.Commit}}, {{.ShortCommit}}, {{.Date}}, {{.Os}}, {{.Arch}}, {{.Variant}}, {{.Target}} are replaced.")
    String ldflags;

    @Option(names = "--gcflags", paramLabel = "FLAGS", description = "Compiler flags.")
    String gcflags;

    @Option(names = "--buildvcs", paramLabel = "auto|true|false", description = "Stamp VCS information (default: auto).")
    String buildvcs;

    @Option(names = "--cgo", description = "Build with CGO_ENABLED=1 (default off: binaries that do not depend on the agent's libc).")
    boolean cgo;

    @Option(names = "--override", paramLabel = "PATTERN:KEY=VALUE",
            description = "Per-target setting, KEY one of ldflags, tags, env, cgo (windows/*:ldflags=-s -w -H windowsgui); repeatable.")
    List<String> overrides = new ArrayList<>();

    @Option(names = {"-o", "--out"}, paramLabel = "DIR", description = "Output directory (default: MODULE_DIR/dist).")
    String out;

    @Option(names = "--output-template", paramLabel = "TEMPLATE",
            description = "Binary path inside DIR (default: " + BuildRequest.DEFAULT_OUTPUT_TEMPLATE + ").")
    String outputTemplate;

    @Option(names = {"-j", "--parallel"}, paramLabel = "N", description = "Targets built at once (default: 2; 1 for a module's first build on this machine"
            + " when every target links at least as many binaries as it has cores).")
    Integer parallel;

    @Option(names = "--fail-fast", description = "Stop the other targets as soon as one fails.")
    boolean failFast;

    @Option(names = "--version", paramLabel = "VERSION", description = "The {{.Version}} (default: git describe, else dev).")
    String version;

    @Option(names = "--commit", paramLabel = "SHA", description = "The {{.Commit}} (default: git rev-parse HEAD).")
    String commit;

    @Option(names = "--cache-max-size", paramLabel = "SIZE",
            description = "Trim Go's build cache in the cache home to this size after the build (500M, 10G); off by default.")
    String cacheMaxSize;

    @Option(names = "--no-explain", description = "Do not explain rebuilds (go's action graph or cache-key trace) nor report build-tag skips.")
    boolean noExplain;

    @Option(names = "--no-up-to-date-check", description = "Run go build for every target even when its outputs are "
            + "already what it would build (by default go is not run then).")
    boolean noUpToDateCheck;

    @Option(names = "--no-verify", description = "Skip module verification.")
    boolean noVerify;

    @Mixin
    ModuleOptions module = new ModuleOptions();

    @Option(names = "--publish", paramLabel = "DEST",
            description = "After a successful build, publish it to a directory or http(s) URL (see gobuild publish --help).")
    String publish;

    @Option(names = "--publish-report", paramLabel = "FILE", description = "Publish report (default: publish-report.json beside the build report).")
    String publishReport;

    @Mixin
    PublishOptions publishOptions = new PublishOptions();

    BuildCommand(Main.Console console) {
        this.console = console;
    }

    BuildRequest request() {
        return module.applyTo(BuildRequest.builder()).targets(targets).exclude(exclude).packages(packages).tags(tags)
                .trimpath(trimpath).ldflags(ldflags).gcflags(gcflags).buildvcs(buildvcs).cgo(cgo)
                .overrides(OverrideSpecs.parse(overrides)).out(out).outputTemplate(outputTemplate).parallel(parallel)
                .failFast(failFast).version(version).commit(commit).verify(!noVerify).cacheMaxSize(cacheMaxSize).explain(!noExplain)
                .upToDateCheck(!noUpToDateCheck).build();
    }

    @Override
    public Integer call() {
        if (publish == null) {
            return EngineRun.run(console, engine -> engine.build(request()));
        }
        // Publish options are checked before building, so a missing passphrase does not waste a build.
        PublishRequest.Builder release = EngineRun.usage(console, () -> publishOptions.applyTo(PublishRequest.builder(), console));
        if (release == null) {
            return Main.EXIT_USAGE;
        }
        String[] report = new String[1];
        int built = EngineRun.run(console, engine -> {
            BuildReport result = engine.build(request());
            report[0] = result.request().report();
            return result;
        });
        if (built != Main.EXIT_OK) {
            return built;
        }
        return EngineRun.run(console, engine -> engine.publish(release.reports(List.of(report[0])).destination(publish)
                .reportPath(publishReport).build()));
    }
}
