package io.gobuild.engine.verify;

import io.gobuild.engine.report.BuildReport;
import io.gobuild.engine.report.BuildReport.RunStatus;
import io.gobuild.engine.report.Check;
import io.gobuild.engine.report.CheckStatus;
import io.gobuild.engine.report.TargetResult;
import io.gobuild.engine.report.TargetStatus;
import io.gobuild.engine.GoBuildEngine;
import io.gobuild.engine.request.BuildRequest;
import io.gobuild.engine.support.GoTestSupport;
import io.gobuild.engine.support.ModuleProxy;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.gobuild.engine.verify.VerifyFixture.check;
import static io.gobuild.engine.verify.VerifyFixture.statuses;
import static org.assertj.core.api.Assertions.assertThat;

/** Module verification against real modules from a file:// proxy, checked by the real go command. */
class VerificationTest {
    @TempDir
    Path temp;
    private VerifyFixture fixture;
    private Map<String, String> before;

    @BeforeEach
    void setUp() {
        fixture = new VerifyFixture(temp);
        before = fixture.userFiles();
    }

    private void assertUserFilesUnchanged() {
        assertThat(fixture.userFiles()).isEqualTo(before);
    }

    @Test
    void aCleanModulePassesEveryCheck() throws Exception {
        BuildReport report = fixture.verify();

        assertThat(statuses(report)).containsOnly(
                Map.entry("module-environment", CheckStatus.PASS), Map.entry("go-mod", CheckStatus.PASS),
                Map.entry("local-replace", CheckStatus.PASS), Map.entry("download", CheckStatus.PASS),
                Map.entry("go-sum", CheckStatus.PASS), Map.entry("module-cache", CheckStatus.PASS),
                Map.entry("module-cache-sums", CheckStatus.PASS), Map.entry("tidy", CheckStatus.PASS),
                Map.entry("vendor", CheckStatus.PASS));
        assertThat(check(report, "go-sum").message()).as("answered by the tidy check").endsWith("go.mod and go.sum are tidy");
        assertThat(check(report, "module-cache").message()).as("go mod verify ran: the module cache was filled before")
                .isEqualTo("every cached module matches the hash recorded when it was downloaded");
        assertThat(report.kind()).isEqualTo("VERIFY");
        assertThat(report.status()).isEqualTo(RunStatus.SUCCESS);
        assertThat(report.targets()).isEmpty();
        assertThat(report.verification().environment()).containsEntry("GOPROXY", fixture.proxy.url())
                .containsKeys("GOSUMDB", "GONOSUMDB", "GOPRIVATE", "GONOPROXY", "GOINSECURE", "GOFLAGS", "GOTOOLCHAIN");
        assertThat(fixture.app.resolve("dist/verify-report.json")).exists();
        before.remove("dist/verify-report.json");
        assertUserFilesUnchanged();
        assertThat(GoTestSupport.buildCacheEntries(VerifyFixture.cacheHome(temp.resolve("cache-home")).resolve("go-build")))
                .as("the queries read the files: go wrote no module index into the new build cache").isEmpty();
    }

    @Test
    void onAnEmptyModuleCacheTheDownloadIsWhatChecksTheModules() throws Exception {
        fixture.useCacheHome(temp.resolve("empty-home"));

        BuildReport report = fixture.verify();

        assertThat(statuses(report)).containsEntry("download", CheckStatus.PASS).containsEntry("module-cache", CheckStatus.PASS)
                .containsEntry("module-cache-sums", CheckStatus.PASS);
        assertThat(check(report, "module-cache").message()).as("no go mod verify after go's own download")
                .startsWith("the module cache was empty: every module in it was downloaded and hashed by this run");
        assertThat(check(report, "module-cache-sums").message()).startsWith("1 cached modules match");

        // What that rests on: go's download checks each zip against go.sum as it arrives.
        ModuleProxy forged = new ModuleProxy(temp.resolve("forged-proxy"))
                .publish("example.com/dep", "v1.0.0", Map.of("dep.go", VerifyFixture.DEP_SOURCE.replace("hello from dep", "pwned")));
        fixture.env.put("GOPROXY", forged.url());
        fixture.useCacheHome(temp.resolve("another-empty-home"));

        BuildReport forgedReport = fixture.verify();

        assertThat(check(forgedReport, "download").status()).isEqualTo(CheckStatus.FAIL);
        assertThat(check(forgedReport, "download").message()).contains("example.com/dep@v1.0.0");
        assertThat(forgedReport.status()).isEqualTo(RunStatus.FAILURE);
        assertUserFilesUnchanged();
    }

    @Test
    void aFileTamperedWithInTheModuleCacheFailsNamingModuleAndFile() throws Exception {
        Path cached = fixture.modCache.resolve("example.com/dep@v1.0.0/dep.go");
        Files.writeString(cached, VerifyFixture.DEP_SOURCE.replace("hello from dep", "pwned"));

        BuildReport report = fixture.verify();

        Check check = check(report, "module-cache");
        assertThat(check.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(check.message()).contains("example.com/dep@v1.0.0");
        assertThat(check.details()).contains("example.com/dep@v1.0.0: dir has been modified", "  changed dep.go");
        assertThat(report.status()).isEqualTo(RunStatus.FAILURE);
        assertUserFilesUnchanged();
    }

    @Test
    void unchangedInputsReuseTheResultsAndAnyWriteToThemChecksAgain() throws Exception {
        BuildReport first = fixture.verify();
        BuildReport second = fixture.verify();

        assertThat(first.verification().reusedFrom()).isNull();
        assertThat(second.verification().reusedFrom()).isNotNull();
        assertThat(second.verification().checks()).isEqualTo(first.verification().checks());
        assertThat(fixture.log.text()).contains("are unchanged since", "its results stand");

        // A Go file that imports something new: tidiness and go.sum are asked again.
        GoTestSupport.write(fixture.app.resolve("extra.go"), "package main\n\nimport _ \"strings\"\n");
        assertThat(fixture.verify().verification().reusedFrom()).isNull();
        assertThat(fixture.verify().verification().reusedFrom()).isNotNull();

        // The module cache rewritten under the remembered result: caught, not reused.
        Path cached = fixture.modCache.resolve("example.com/dep@v1.0.0/dep.go");
        cached.toFile().setWritable(true);
        Files.writeString(cached, VerifyFixture.DEP_SOURCE.replace("hello from dep", "pwned"));
        BuildReport tampered = fixture.verify();
        assertThat(tampered.verification().reusedFrom()).isNull();
        assertThat(check(tampered, "module-cache").status()).isEqualTo(CheckStatus.FAIL);
        assertThat(fixture.verify().verification().reusedFrom()).as("a failure is remembered too, and stays a failure").isNotNull();
        assertThat(fixture.verify().status()).isEqualTo(RunStatus.FAILURE);
    }

    @Test
    void aModuleRewrittenConsistentlyInTheCacheFailsAgainstGoSum() throws Exception {
        // Another cache, filled from a proxy that serves different code under the same version:
        // its zip, directory and recorded hash agree with each other, so go mod verify is content.
        Path evil = temp.resolve("evil");
        new io.gobuild.engine.support.ModuleProxy(evil.resolve("proxy"))
                .publish("example.com/dep", "v1.0.0", Map.of("dep.go", VerifyFixture.DEP_SOURCE.replace("hello", "owned")));
        Map<String, String> evilEnv = new HashMap<>(fixture.env);
        evilEnv.put("GOPROXY", evil.resolve("proxy").toUri().toString());
        evilEnv.put("GOMODCACHE", VerifyFixture.cacheHome(evil.resolve("home")).resolve("go-mod").toString());
        evilEnv.put("GOFLAGS", "-modcacherw");
        Files.createDirectories(evil.resolve("scratch"));
        io.gobuild.engine.support.GoCommand.run(evil.resolve("scratch"), evilEnv, "mod", "download", "example.com/dep@v1.0.0");
        fixture.useCacheHome(evil.resolve("home"));

        BuildReport report = fixture.verify();

        assertThat(check(report, "module-cache").status()).isEqualTo(CheckStatus.PASS);
        Check sums = check(report, "module-cache-sums");
        assertThat(sums.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(sums.message()).contains("example.com/dep@v1.0.0").contains("is not the module go.sum names");
        assertUserFilesUnchanged();
    }

    /** Leaves go.sum only the go.mod hashes, as if the module's own zip hashes were never added. */
    private void dropModuleHashesFromGoSum() throws Exception {
        String goSum = Files.readString(fixture.app.resolve("go.sum"));
        Files.writeString(fixture.app.resolve("go.sum"), goSum.lines().filter(l -> l.contains("/go.mod"))
                .reduce("", (a, b) -> a + b + "\n"));
        before = fixture.userFiles();
    }

    @Test
    void aMissingGoSumLineFailsNamingModuleAndVersion() throws Exception {
        dropModuleHashesFromGoSum();

        BuildReport report = fixture.verify();

        Check check = check(report, "go-sum");
        assertThat(check.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(check.message()).startsWith("go.sum has no entry for example.com/dep@v1.0.0");
        assertThat(check.details()).containsExactly("example.com/dep@v1.0.0");
        assertUserFilesUnchanged();
    }

    @Test
    void aBuildWhosePackagesGoCannotListForAMissingGoSumLineFailsVerificationNotPlanning() throws Exception {
        // The package list is read while the module is verified: go list fails on this module too,
        // and the report names verification's finding, not go's error.
        dropModuleHashesFromGoSum();

        BuildReport report = new GoBuildEngine(GoTestSupport.host(fixture.app, fixture.env), fixture.log)
                .build(BuildRequest.builder().moduleDir(fixture.app.toString()).targets(List.of("linux/amd64")).build());

        assertThat(check(report, "go-sum").status()).as(fixture.log.text()).isEqualTo(CheckStatus.FAIL);
        assertThat(report.status()).isEqualTo(RunStatus.FAILURE);
        assertThat(report.message()).isEqualTo("verification failed: nothing was built");
        assertThat(report.targets()).extracting(TargetResult::status).containsOnly(TargetStatus.SKIPPED);
        assertThat(report.stages()).extracting(io.gobuild.engine.report.StageTime::stage).contains("verify", "compile");
        assertThat(fixture.app.resolve("dist/linux_amd64")).doesNotExist();
        assertUserFilesUnchanged();
    }

    @Test
    void anUntidyGoModWarnsWithTheDiffOrFailsWhenAskedTo() throws Exception {
        fixture.edit("go.mod", "require example.com/dep v1.0.0", "require (\n\texample.com/dep v1.0.0\n\texample.com/unused v1.0.0\n)");
        fixture.go(fixture.app, "mod", "download", "example.com/unused");
        before = fixture.userFiles();

        Check warn = check(fixture.verify(), "tidy");
        Check fail = check(fixture.verify(BuildRequest.builder().tidy("FAIL")), "tidy");

        assertThat(warn.status()).isEqualTo(CheckStatus.WARN);
        assertThat(warn.details()).anyMatch(l -> l.startsWith("-") && l.contains("example.com/unused v1.0.0"));
        assertThat(fail.status()).isEqualTo(CheckStatus.FAIL);
        assertUserFilesUnchanged();
    }

    @Test
    void aModuleThatGoBuildsButVerificationFailsDeliversNothing() throws Exception {
        // An unused requirement does not stop go build, which may run while the module is verified;
        // the failed tidy check must still leave every target SKIPPED and no binary placed.
        fixture.edit("go.mod", "require example.com/dep v1.0.0", "require (\n\texample.com/dep v1.0.0\n\texample.com/unused v1.0.0\n)");
        fixture.go(fixture.app, "mod", "download", "example.com/unused");

        BuildReport report = new GoBuildEngine(GoTestSupport.host(fixture.app, fixture.env), fixture.log)
                .build(BuildRequest.builder().moduleDir(fixture.app.toString()).targets(List.of("linux/amd64", "windows/amd64"))
                        .tidy("FAIL").build());

        assertThat(check(report, "tidy").status()).as(fixture.log.text()).isEqualTo(CheckStatus.FAIL);
        assertThat(report.status()).isEqualTo(RunStatus.FAILURE);
        assertThat(report.message()).isEqualTo("verification failed: nothing was built");
        assertThat(report.targets()).extracting(TargetResult::status).containsOnly(TargetStatus.SKIPPED);
        assertThat(report.targets()).allSatisfy(t -> assertThat(t.artifacts()).isEmpty());
        assertThat(fixture.app.resolve("dist/linux_amd64")).doesNotExist();
        assertThat(fixture.app.resolve("dist/windows_amd64")).doesNotExist();
        assertThat(fixture.log.text()).doesNotContain("[1/2]");
    }

    @Test
    void onAGoWithoutTidyDiffAnUntidyGoModIsFoundByTidyingACopy() throws Exception {
        fixture.edit("go.mod", "require example.com/dep v1.0.0", "require (\n\texample.com/dep v1.0.0\n\texample.com/unused v1.0.0\n)");
        fixture.go(fixture.app, "mod", "download", "example.com/unused");
        before = fixture.userFiles();
        // go1.22 has no 'go mod tidy -diff'; the go command fetches it from the Go module proxy.
        fixture.env.put("GOPROXY", fixture.proxy.url() + ",https://proxy.golang.org");

        BuildReport report = fixture.verify(BuildRequest.builder().gotoolchain("go1.22.12"));

        assertThat(report.toolchain().version()).isEqualTo("go1.22.12");
        Check tidy = check(report, "tidy");
        assertThat(tidy.status()).as(tidy.message()).isEqualTo(CheckStatus.WARN);
        assertThat(tidy.details()).contains("--- a/go.mod", "+++ b/go.mod")
                .anyMatch(l -> l.startsWith("-") && l.contains("example.com/unused v1.0.0"));
        assertUserFilesUnchanged();
    }

    @Test
    void aHandEditedVendoredFileIsNamedWithItsModule() throws Exception {
        fixture.go(fixture.app, "mod", "vendor");
        Path vendored = fixture.app.resolve("vendor/example.com/dep/dep.go");
        Files.writeString(vendored, Files.readString(vendored).replace("hello from dep", "patched"));
        before = fixture.userFiles();

        Check check = check(fixture.verify(), "vendor");

        assertThat(check.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(check.details()).containsExactly("vendor/example.com/dep/dep.go differs from example.com/dep@v1.0.0");
        assertUserFilesUnchanged();
    }

    @Test
    void inconsistentVendoringIsExplained() throws Exception {
        fixture.go(fixture.app, "mod", "vendor");
        fixture.edit("vendor/modules.txt", "## explicit", "## ");
        before = fixture.userFiles();

        Check check = check(fixture.verify(), "vendor");

        assertThat(check.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(check.message()).startsWith("vendor/modules.txt does not match go.mod: example.com/dep@v1.0.0")
                .endsWith("run 'go mod vendor' and commit vendor/");
        assertUserFilesUnchanged();
    }

    @Test
    void aReplaceWithALocalDirectoryWarns() throws Exception {
        GoTestSupport.write(temp.resolve("dep/go.mod"), "module example.com/dep\n\ngo 1.21\n");
        GoTestSupport.write(temp.resolve("dep/dep.go"), VerifyFixture.DEP_SOURCE);
        Files.writeString(fixture.app.resolve("go.mod"), Files.readString(fixture.app.resolve("go.mod"))
                + "\nreplace example.com/dep => ../dep\n");
        before = fixture.userFiles();

        Check check = check(fixture.verify(), "local-replace");

        assertThat(check.status()).isEqualTo(CheckStatus.WARN);
        assertThat(check.details()).containsExactly("example.com/dep => ../dep");
        assertUserFilesUnchanged();
    }

    @Test
    void aGoLineNewerThanTheToolchainFailsAndStopsTheBuild() throws Exception {
        fixture.edit("go.mod", "go 1.21", "go 1.99.1");
        before = fixture.userFiles();

        BuildReport report = new GoBuildEngine(GoTestSupport.host(fixture.app, fixture.env), fixture.log)
                .build(BuildRequest.builder().moduleDir(fixture.app.toString()).targets(List.of("linux/amd64", "windows/amd64")).build());

        Check check = check(report, "go-mod");
        assertThat(check.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(check.message()).startsWith("go.mod requires go >= 1.99.1 but the Go in use is go1.");
        assertThat(report.status()).isEqualTo(RunStatus.FAILURE);
        assertThat(report.message()).isEqualTo("verification failed: nothing was built");
        assertThat(report.targets()).extracting(TargetResult::status).containsOnly(TargetStatus.SKIPPED);
        assertThat(fixture.app.resolve("dist/linux_amd64")).doesNotExist();
        assertUserFilesUnchanged();
    }

    @Test
    void settingsThatSwitchChecksumProtectionOffWarn() throws Exception {
        fixture.env.put("GOSUMDB", "off");
        fixture.env.put("GOPRIVATE", "*");
        fixture.env.put("GOINSECURE", "example.com");

        Check check = check(fixture.verify(BuildRequest.builder().goflags("-modcacherw -mod=mod")), "module-environment");

        assertThat(check.status()).isEqualTo(CheckStatus.WARN);
        assertThat(String.join("\n", check.details())).contains("GOSUMDB=off", "GOPRIVATE=* matches every module",
                "GOINSECURE=example.com", "-mod=mod");
    }
}
