package io.gobuild.cli;

import io.gobuild.engine.request.BuildRequest;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.ArrayList;
import java.util.List;

/** The options every command that works on a module shares: where it is, which Go, its environment, verification. */
final class ModuleOptions {
    @Parameters(index = "0", arity = "0..1", paramLabel = "MODULE_DIR", description = "The module's directory (default: .).")
    String moduleDir;

    @Option(names = "--goflags", paramLabel = "FLAGS", description = "GOFLAGS for every go command (the environment's GOFLAGS is not used).")
    String goflags;

    @Option(names = {"-e", "--env"}, paramLabel = "KEY=VALUE", description = "Extra environment for every go command; repeatable.")
    List<String> env = new ArrayList<>();

    @Option(names = "--go", paramLabel = "PATH", description = "The go command (default: go on PATH).")
    String go;

    @Option(names = "--gotoolchain", paramLabel = "local|auto|VERSION",
            description = "GOTOOLCHAIN (default: local, so the reported Go is the Go that builds).")
    String gotoolchain;

    @Option(names = "--cache-dir", paramLabel = "DIR",
            description = "gobuild's cache home (default: $XDG_CACHE_HOME/gobuild, else ~/.cache/gobuild).")
    String cacheDir;

    @Option(names = "--report", paramLabel = "FILE", description = "Report file (default: DIR/build-report.json, or dist/verify-report.json for verify).")
    String report;

    @Option(names = "--strict", description = "Verification warnings fail too.")
    boolean strict;

    @Option(names = "--tidy", paramLabel = "WARN|FAIL", description = "What an untidy go.mod or go.sum is (default: WARN).")
    String tidy;

    @Option(names = "--netrc", paramLabel = "FILE",
            description = "A netrc file with credentials for private module hosts and proxies (never logged or reported).")
    String netrc;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
    boolean help;

    BuildRequest.Builder applyTo(BuildRequest.Builder request) {
        return request.moduleDir(moduleDir).goflags(goflags).env(env).go(go).gotoolchain(gotoolchain).cacheDir(cacheDir)
                .report(report).strict(strict).tidy(tidy == null ? null : tidy.toUpperCase(java.util.Locale.ROOT)).netrc(netrc);
    }
}
