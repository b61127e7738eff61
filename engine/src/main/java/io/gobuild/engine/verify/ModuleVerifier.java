package io.gobuild.engine.verify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gobuild.engine.port.AgentPaths;
import io.gobuild.engine.port.Concurrently;
import io.gobuild.engine.port.FilePort;
import io.gobuild.engine.port.LogSink;
import io.gobuild.engine.report.Check;
import io.gobuild.engine.report.CheckStatus;
import io.gobuild.engine.report.Verification;
import io.gobuild.engine.secret.Redactor;
import io.gobuild.engine.toolchain.GoInvocation;
import io.gobuild.engine.toolchain.Toolchain;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Proves the module graph intact, complete and tidy before anything compiles, without modifying the
 * user's files: the checks that could write work on a scratch copy in a private temporary
 * directory, which is removed afterwards together with any credentials handed to go.
 */
public final class ModuleVerifier {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final GoSumCheck GO_SUM = new GoSumCheck();
    private static final TidyCheck TIDY = new TidyCheck();
    private static final List<ModuleCheck> INDEPENDENT = List.of(GO_SUM, new ModuleCacheCheck(), new CacheSumsCheck(), TIDY,
            new VendorCheck());

    private final FilePort files;
    private final LogSink log;

    public ModuleVerifier(FilePort files, LogSink log) {
        this.files = files;
        this.log = log;
    }

    /** What to verify and how. */
    /** @param stateDir where results are kept for the next run; null to keep none */
    /** moduleFingerprint: the module's Go and module files by name, size and time, as the run read them once. */
    public record Settings(String moduleDir, String tempParent, boolean strict, String untidySeverity, String netrc, String stateDir,
                           String moduleFingerprint) {
    }

    public Verification verify(GoInvocation go, Toolchain toolchain, Settings settings) throws IOException, InterruptedException {
        // Looked at first, before this run's go commands can add to it.
        String modCache = toolchain.goEnv().getOrDefault("GOMODCACHE", "");
        boolean emptyModuleCache = !modCache.isEmpty() && files.list(modCache).isEmpty();
        String temp = files.createTempDirectory(settings.tempParent(), "verify-");
        try {
            // Every go command of verification is a query: none builds.
            return verify(go.withoutModuleIndex(), toolchain, settings, temp, emptyModuleCache);
        } finally {
            files.delete(temp);
        }
    }

    private Verification verify(GoInvocation go, Toolchain toolchain, Settings settings, String temp, boolean emptyModuleCache)
            throws IOException, InterruptedException {
        GoInvocation offline = VerifyContext.withMod(go.with(Map.of("GOPROXY", "off")), "readonly");
        GoInvocation online = go;
        if (!settings.netrc().isEmpty()) {
            String netrc = AgentPaths.join(temp, "auth/.netrc");
            files.writePrivate(netrc, files.read(settings.netrc()));
            online = go.with(Map.of("NETRC", netrc));
        }
        // The environment as the build sees it (the checks' own GOPROXY=off and -mod are theirs alone).
        Map<String, String> goEnv = toolchain.goEnv();
        Map<String, String> environment = new LinkedHashMap<>();
        ModuleEnvironmentCheck.environment(goEnv).forEach((k, v) -> environment.put(k, Redactor.urls(v)));

        List<Check> checks = new ArrayList<>();
        GoInvocation.Result edit = offline.run(settings.moduleDir(), "mod", "edit", "-json");
        if (!edit.ok()) {
            checks.add(new Check("go-mod", CheckStatus.FAIL, "go.mod does not parse: " + edit.firstError(), edit.stderr()));
            return finish(checks, settings, environment);
        }
        JsonNode goMod = JSON.readTree(edit.stdout());
        String goSumPath = AgentPaths.join(settings.moduleDir(), "go.sum");
        GoSum goSum = files.exists(goSumPath) ? GoSum.parse(files.read(goSumPath)) : GoSum.empty();
        VerifyContext context = new VerifyContext(settings.moduleDir(), new Scratch(files, settings.moduleDir(), temp), temp, files, log, toolchain, offline,
                online, goEnv, goMod, goSum, TidyCheck.severity(settings.untidySeverity()), emptyModuleCache);

        checks.add(new ModuleEnvironmentCheck().run(context));
        Check goModCheck = new GoModCheck().run(context);
        checks.add(goModCheck);
        checks.add(new LocalReplaceCheck().run(context));
        if (goModCheck.status() == CheckStatus.FAIL) {
            INDEPENDENT.forEach(c -> checks.add(Check.skip(c.id(), "skipped: " + goModCheck.message())));
            return finish(checks, settings, environment);
        }
        Check download = new DownloadCheck().run(context);
        checks.add(download);
        VerificationMemory memory = settings.stateDir() == null ? null
                : VerificationMemory.of(files, settings, toolchain, goEnv, environment, goSum);
        VerificationMemory.Remembered remembered = memory == null ? null : memory.recall();
        if (remembered != null) {
            log.info("verify: go.mod, go.sum, the module's Go files and the module cache are unchanged since " + remembered.at()
                    + "; its results stand");
            checks.addAll(remembered.checks());
            return finish(checks, settings, environment, remembered.at());
        }
        // The remaining checks only read; they run at once, as each is mostly waiting on a go process.
        Map<ModuleCheck, Concurrently<Check>> running = new LinkedHashMap<>();
        for (ModuleCheck check : INDEPENDENT) {
            if (check != GO_SUM) {
                running.put(check, Concurrently.start(() -> check.run(context)));
            }
        }
        List<Check> independent = new ArrayList<>();
        try {
            // A tidy go.sum has both lines of every module that provides a package to any build of the
            // module, which answers go-sum; its own go list runs only when tidy does not pass.
            Check sums = running.get(TIDY).get().status() == CheckStatus.PASS ? GO_SUM.coveredByTidy() : GO_SUM.run(context);
            for (ModuleCheck check : INDEPENDENT) {
                independent.add(check == GO_SUM ? sums : running.get(check).get());
            }
        } finally {
            // One check failed or the build stops: the others' go processes end before verification does.
            running.values().forEach(Concurrently::cancelAndWait);
        }
        if (memory != null) {
            memory.remember(independent);
        }
        checks.addAll(independent);
        return finish(checks, settings, environment);
    }

    private Verification finish(List<Check> checks, Settings settings, Map<String, String> environment) {
        return finish(checks, settings, environment, null);
    }

    private Verification finish(List<Check> checks, Settings settings, Map<String, String> environment, String reusedFrom) {
        for (Check check : checks) {
            log.info("verify: " + check.status() + " " + check.id() + ": " + check.message());
        }
        return new Verification(Verification.worst(checks), settings.strict(), checks, environment, reusedFrom);
    }

}
