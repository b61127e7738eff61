package io.gobuild.cli;

import io.gobuild.engine.GoBuildEngine;
import io.gobuild.engine.local.LocalHost;
import io.gobuild.engine.report.BuildReport;
import io.gobuild.engine.request.BuildRequest;
import io.gobuild.engine.request.OverrideSpecs;
import io.gobuild.engine.request.UsageException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** `gobuild build`: cross-compile a module for a matrix of targets and write the report. */
@Command(name = "build", sortOptions = false,
        description = {"Cross-compiles the main packages of a Go module for a matrix of targets and writes "
                + "build-report.json.", "",
                "Exit status: 0 every target built, 1 a target failed, 2 usage or configuration error, 130 interrupted."})
final class BuildCommand implements Callable<Integer> {
    private final Main.Console console;

    @Parameters(index = "0", arity = "0..1", paramLabel = "MODULE_DIR", description = "The module's directory (default: .).")
    String moduleDir;

    @Option(names = {"-t", "--target"}, paramLabel = "TARGET", split = ",",
            description = "GOOS/GOARCH[/VARIANT] (linux/arm/7, linux/amd64/v3), 'host' or 'first-class'; repeatable. Default: host.")
    List<String> targets = new ArrayList<>();

    @Option(names = "--exclude", paramLabel = "PATTERN", split = ",",
            description = "Targets to leave out, '*' allowed (windows/*); repeatable.")
    List<String> exclude = new ArrayList<>();

    @Option(names = {"-p", "--package"}, paramLabel = "PKG", split = ",",
            description = "Main packages to build (./cmd/tool, ./cmd/...). Default: the module root if it is a main package, else ./cmd/...")
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

    @Option(names = "--goflags", paramLabel = "FLAGS", description = "GOFLAGS for every go command (the environment's GOFLAGS is not used).")
    String goflags;

    @Option(names = {"-e", "--env"}, paramLabel = "KEY=VALUE", description = "Extra environment for every go command; repeatable.")
    List<String> env = new ArrayList<>();

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

    @Option(names = "--report", paramLabel = "FILE", description = "Report file (default: DIR/build-report.json).")
    String report;

    @Option(names = {"-j", "--parallel"}, paramLabel = "N", description = "Targets built at once (default: 2).")
    Integer parallel;

    @Option(names = "--fail-fast", description = "Stop the other targets as soon as one fails.")
    boolean failFast;

    @Option(names = "--version", paramLabel = "VERSION", description = "The {{.Version}} (default: git describe, else dev).")
    String version;

    @Option(names = "--commit", paramLabel = "SHA", description = "The {{.Commit}} (default: git rev-parse HEAD).")
    String commit;

    @Option(names = "--go", paramLabel = "PATH", description = "The go command (default: go on PATH).")
    String go;

    @Option(names = "--gotoolchain", paramLabel = "local|auto|VERSION",
            description = "GOTOOLCHAIN (default: local, so the reported Go is the Go that builds).")
    String gotoolchain;

    @Option(names = "--cache-dir", paramLabel = "DIR",
            description = "gobuild's cache home (default: $XDG_CACHE_HOME/gobuild, else ~/.cache/gobuild).")
    String cacheDir;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
    boolean help;

    BuildCommand(Main.Console console) {
        this.console = console;
    }

    BuildRequest request() {
        return BuildRequest.builder().moduleDir(moduleDir).targets(targets).exclude(exclude).packages(packages).tags(tags)
                .trimpath(trimpath).ldflags(ldflags).gcflags(gcflags).buildvcs(buildvcs).goflags(goflags).env(env)
                .cgo(cgo).overrides(OverrideSpecs.parse(overrides)).out(out).outputTemplate(outputTemplate)
                .report(report).parallel(parallel).failFast(failFast).version(version).commit(commit).go(go)
                .gotoolchain(gotoolchain).cacheDir(cacheDir).build();
    }

    @Override
    public Integer call() {
        ConsoleLog log = new ConsoleLog(console.err());
        GoBuildEngine engine = new GoBuildEngine(LocalHost.of(console.environment(), console.workingDirectory()), log);
        CountDownLatch finished = new CountDownLatch(1);
        Thread hook = console.ownsProcess() ? stopOnSignal(Thread.currentThread(), finished) : null;
        try {
            BuildReport report = engine.build(request());
            new Summary(console.out()).print(report);
            if (report.status() == BuildReport.RunStatus.CANCELLED) {
                return Main.EXIT_INTERRUPTED;
            }
            return report.status() == BuildReport.RunStatus.SUCCESS ? Main.EXIT_OK : Main.EXIT_FAILED;
        } catch (UsageException e) {
            console.err().println("gobuild: " + e.getMessage());
            return Main.EXIT_USAGE;
        } catch (InterruptedException e) {
            console.err().println("gobuild: interrupted");
            return Main.EXIT_INTERRUPTED;
        } catch (IOException e) {
            console.err().println("gobuild: " + e.getMessage());
            return Main.EXIT_FAILED;
        } finally {
            finished.countDown();
            if (hook != null && !Thread.currentThread().isInterrupted()) {
                removeQuietly(hook);
            }
        }
    }

    /** On Ctrl-C or SIGTERM, interrupts the build and waits until it has stopped its processes and written its report. */
    private static Thread stopOnSignal(Thread build, CountDownLatch finished) {
        Thread hook = new Thread(() -> {
            build.interrupt();
            try {
                finished.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "gobuild-interrupt");
        Runtime.getRuntime().addShutdownHook(hook);
        return hook;
    }

    private static void removeQuietly(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // The JVM is already shutting down; the hook has run or will run harmlessly.
        }
    }
}
