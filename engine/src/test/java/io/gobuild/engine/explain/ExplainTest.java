package io.gobuild.engine.explain;

import io.gobuild.engine.GoBuildEngine;
import io.gobuild.engine.report.BuildReport;
import io.gobuild.engine.report.BuildReport.RunStatus;
import io.gobuild.engine.report.RebuildCause;
import io.gobuild.engine.report.RebuildKind;
import io.gobuild.engine.report.Rebuilds;
import io.gobuild.engine.report.RootCause;
import io.gobuild.engine.report.Warning.WarningKind;
import io.gobuild.engine.request.BuildRequest;
import io.gobuild.engine.support.GoTestSupport;
import io.gobuild.engine.support.RecordingLog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rebuild causes on real builds. The tests share one cache home, as builds on one agent do; each
 * builds a module of its own path, so each has its own history.
 */
class ExplainTest {
    private static final AtomicInteger MODULES = new AtomicInteger();
    @TempDir
    static Path cacheRoot;
    @TempDir
    Path temp;
    private final RecordingLog log = new RecordingLog();

    /** A module with cmd/app importing internal/mid importing internal/leaf. */
    private Path module(Path dir) {
        return ExplainFixture.writeModule(dir, "example.com/explain" + MODULES.incrementAndGet());
    }

    private Map<String, String> environment() {
        Map<String, String> env = new HashMap<>(GoTestSupport.environment());
        env.put("XDG_CACHE_HOME", cacheRoot.toString());
        return env;
    }

    private BuildReport build(Path module, BuildRequest.Builder request) throws Exception {
        return build(module, request, environment());
    }

    private BuildReport build(Path module, BuildRequest.Builder request, Map<String, String> env) throws Exception {
        BuildReport report = new GoBuildEngine(GoTestSupport.host(module, env), log)
                .build(request.moduleDir(module.toString()).verify(false).build());
        assertThat(report.status()).as(log.text()).isEqualTo(RunStatus.SUCCESS);
        return report;
    }

    private static Rebuilds rebuilds(BuildReport report) {
        return report.targets().get(0).rebuilds();
    }

    private static RebuildCause cause(BuildReport report, String packageSuffix, String step) {
        return rebuilds(report).causes().stream().filter(c -> c.packagePath().endsWith(packageSuffix) && c.step().equals(step))
                .findFirst().orElseThrow(() -> new AssertionError("no " + step + " cause for " + packageSuffix + " in " + rebuilds(report)));
    }

    @Test
    void aSecondBuildWithNoChangeCompilesNothing() throws Exception {
        Path module = module(temp.resolve("m"));
        BuildReport first = build(module, BuildRequest.builder());
        BuildReport second = build(module, BuildRequest.builder());

        assertThat(rebuilds(first).causes()).extracting(RebuildCause::kind).contains(RebuildKind.NO_HISTORY);
        assertThat(cause(first, "/internal/leaf", "COMPILE").detail()).startsWith("first build of example.com/explain");
        assertThat(log.text()).as("a first build traces itself: no second, traced build").doesNotContain("tracing go's cache keys");
        assertThat(rebuilds(second).compiled()).isZero();
        assertThat(rebuilds(second).linked()).isZero();
        assertThat(rebuilds(second).hitRatio()).isEqualTo(1.0);
        assertThat(rebuilds(second).reused()).isGreaterThan(10);
        assertThat(second.cache().entriesAfter()).isPositive();
    }

    @Test
    void aFirstBuildThatFailsToCompileNamesItsErrorsAndRecordsNothing() throws Exception {
        Path module = module(temp.resolve("m"));
        Path leafFile = module.resolve("internal/leaf/leaf.go");
        String leaf = Files.readString(leafFile);
        GoTestSupport.write(leafFile, "package leaf\n\nfunc Name() string { return 42 }\n");

        BuildReport failed = new GoBuildEngine(GoTestSupport.host(module, environment()), log)
                .build(BuildRequest.builder().moduleDir(module.toString()).verify(false).build());

        assertThat(failed.status()).isEqualTo(RunStatus.FAILURE);
        var error = failed.targets().get(0).errors().get(0);
        assertThat(error.file()).as(log.text()).endsWith("internal/leaf/leaf.go");
        assertThat(error.line()).isEqualTo(3);
        assertThat(error.message()).contains("cannot use 42");
        assertThat(log.text()).contains(error.file() + ":3:").doesNotContain("HASH");

        GoTestSupport.write(leafFile, leaf);
        BuildReport fixed = build(module, BuildRequest.builder());
        assertThat(cause(fixed, "/internal/leaf", "COMPILE").kind()).isEqualTo(RebuildKind.NO_HISTORY);
    }

    @Test
    void aChangedLeafFileIsNamedAndItsImportersAreAttributedToIt() throws Exception {
        Path module = module(temp.resolve("m"));
        build(module, BuildRequest.builder());
        GoTestSupport.write(module.resolve("internal/leaf/leaf.go"),
                "package leaf\n\nfunc Name() string { return \"leaf\" }\n\nfunc Extra() int { return 1 }\n");

        int logged = log.text().length();
        BuildReport report = build(module, BuildRequest.builder());

        assertThat(log.text().substring(logged)).as("explained from go's action graph, no second build")
                .doesNotContain("tracing go's cache keys");
        RebuildCause leaf = cause(report, "/internal/leaf", "COMPILE");
        assertThat(leaf.kind()).isEqualTo(RebuildKind.SOURCE_CHANGED);
        assertThat(leaf.detail()).isEqualTo("leaf.go changed");
        assertThat(leaf.root()).isTrue();
        RebuildCause mid = cause(report, "/internal/mid", "COMPILE");
        assertThat(mid.root()).isFalse();
        assertThat(mid.kind()).isEqualTo(RebuildKind.DEPENDENCY_CHANGED);
        assertThat(mid.rootCause()).isEqualTo(leaf.packagePath());
        RootCause root = rebuilds(report).rootCauses().get(0);
        assertThat(root.kind()).isEqualTo(RebuildKind.SOURCE_CHANGED);
        assertThat(root.packages()).containsExactly(leaf.packagePath());
        assertThat(root.draggedPackages()).contains(mid.packagePath());
    }

    @Test
    void anotherWorkspaceRebuildsWithoutTrimpathAndNotWithIt() throws Exception {
        Path one = module(temp.resolve("ws1/m"));
        Path two = temp.resolve("ws2/m");
        GoTestSupport.copyTree(one, two);

        build(one, BuildRequest.builder().trimpath(false).buildvcs("false"));
        BuildReport untrimmed = build(two, BuildRequest.builder().trimpath(false).buildvcs("false"));
        build(one, BuildRequest.builder().buildvcs("false"));
        BuildReport trimmed = build(two, BuildRequest.builder().buildvcs("false"));

        RebuildCause leaf = cause(untrimmed, "/internal/leaf", "COMPILE");
        assertThat(leaf.kind()).isEqualTo(RebuildKind.WORKSPACE_PATH_CHANGED);
        assertThat(leaf.detail()).contains(one.resolve("internal/leaf").toString()).contains(two.resolve("internal/leaf").toString());
        assertThat(leaf.advice()).contains("-trimpath");
        assertThat(rebuilds(trimmed).compiled()).isZero();
    }

    @Test
    void aFreshWorkspaceOnAWarmAgentLinksNothingAndASeedGoWouldLinkDifferentlyIsRelinked() throws Exception {
        Path one = module(temp.resolve("ws1/m"));
        Path two = GoTestSupport.copyTree(one, temp.resolve("ws2/m"));
        Path three = GoTestSupport.copyTree(one, temp.resolve("ws3/m"));
        BuildReport first = build(one, BuildRequest.builder().buildvcs("false"));

        BuildReport fresh = build(two, BuildRequest.builder().buildvcs("false"));
        BuildReport otherFlags = build(three, BuildRequest.builder().buildvcs("false").ldflags("-s"));
        BuildReport firstAgain = build(one, BuildRequest.builder().buildvcs("false"));

        assertThat(log.text()).contains("seeded 1 binaries from this agent's last build of " + first.module());
        assertThat(rebuilds(fresh).compiled()).isZero();
        assertThat(rebuilds(fresh).linked()).isZero();
        assertThat(sha256(fresh)).isEqualTo(sha256(first)).isEqualTo(sha256Of(two.resolve("dist"), fresh));
        // The seed's build ID does not match what go links with -s: go relinks, replacing the link.
        assertThat(rebuilds(otherFlags).linked()).isEqualTo(1);
        assertThat(sha256(otherFlags)).isNotEqualTo(sha256(first)).isEqualTo(sha256Of(three.resolve("dist"), otherFlags));
        // The first workspace's binary was not written through the link: it is still up to date.
        assertThat(rebuilds(firstAgain).linked()).isZero();
        assertThat(sha256(firstAgain)).isEqualTo(sha256(first));
    }

    private static String sha256(BuildReport report) {
        return report.targets().get(0).artifacts().get(0).sha256();
    }

    private static String sha256Of(Path outDir, BuildReport report) throws Exception {
        byte[] content = Files.readAllBytes(outDir.resolve(report.targets().get(0).artifacts().get(0).path()));
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(content));
    }

    @Test
    void aNewCommitRebuildsOnlyTheMainPackageForItsBuildInfo() throws Exception {
        Path module = module(temp.resolve("m"));
        Map<String, String> git = new HashMap<>(environment());
        git.putAll(Map.of("GIT_AUTHOR_NAME", "t", "GIT_AUTHOR_EMAIL", "t@example.com", "GIT_COMMITTER_NAME", "t",
                "GIT_COMMITTER_EMAIL", "t@example.com"));
        run(module, git, "git", "init", "-q");
        run(module, git, "git", "add", ".");
        run(module, git, "git", "commit", "-qm", "one");
        BuildRequest.Builder stamped = BuildRequest.builder().ldflags("-s -X main.commit={{.Commit}}");
        build(module, stamped);
        Files.writeString(module.resolve("README"), "docs only\n");
        run(module, git, "git", "add", ".");
        run(module, git, "git", "commit", "-qm", "two");

        int logged = log.text().length();
        BuildReport report = build(module, stamped);

        assertThat(log.text().substring(logged)).as("a commit's build info and stamps are derived, not traced")
                .doesNotContain("tracing go's cache keys");
        assertThat(cause(report, "/cmd/app", "LINK").kind()).isEqualTo(RebuildKind.BUILD_INFO_CHANGED);
        assertThat(cause(report, "/cmd/app", "LINK").changes()).anyMatch(c -> c.startsWith("ldflags -X stamps changed"));
        assertThat(rebuilds(report).causes()).filteredOn(c -> c.step().equals("COMPILE"))
                .singleElement().satisfies(c -> {
                    assertThat(c.packagePath()).endsWith("/cmd/app");
                    assertThat(c.kind()).isEqualTo(RebuildKind.BUILD_INFO_CHANGED);
                    assertThat(c.detail()).contains("vcs.revision=");
                    assertThat(c.advice()).contains("expected on every commit");
                });
    }

    @Test
    void changedGcflagsAreFlagsChanged() throws Exception {
        Path module = module(temp.resolve("m"));
        build(module, BuildRequest.builder());

        int logged = log.text().length();
        BuildReport report = build(module, BuildRequest.builder().gcflags("-N -l"));

        assertThat(log.text().substring(logged)).as("new flags are beyond the action graph").contains("tracing go's cache keys");
        RebuildCause app = cause(report, "/cmd/app", "COMPILE");
        assertThat(app.kind()).isEqualTo(RebuildKind.FLAGS_CHANGED);
        assertThat(app.detail()).contains("compile flags changed").contains("-N");
    }

    @Test
    void anotherGoamd64LevelIsAnEnvironmentChange() throws Exception {
        Path module = module(temp.resolve("m"));
        build(module, BuildRequest.builder().targets(List.of("linux/amd64")));

        BuildReport report = build(module, BuildRequest.builder().targets(List.of("linux/amd64/v2")));

        RebuildCause leaf = cause(report, "/internal/leaf", "COMPILE");
        assertThat(leaf.kind()).isEqualTo(RebuildKind.ENV_CHANGED);
        assertThat(leaf.detail()).isEqualTo("GOAMD64 changed: v1 → v2");
        assertThat(rebuilds(report).rootCauses().get(0).kind()).isEqualTo(RebuildKind.ENV_CHANGED);
    }

    @Test
    void aNewGoLineIsAGoLineChange() throws Exception {
        Path module = module(temp.resolve("m"));
        build(module, BuildRequest.builder());
        Files.writeString(module.resolve("go.mod"), Files.readString(module.resolve("go.mod")).replace("go 1.21", "go 1.22"));

        int logged = log.text().length();
        BuildReport report = build(module, BuildRequest.builder());

        assertThat(log.text().substring(logged)).as("a new go line is beyond the action graph").contains("tracing go's cache keys");
        RebuildCause leaf = cause(report, "/internal/leaf", "COMPILE");
        assertThat(leaf.kind()).isEqualTo(RebuildKind.GO_LINE_CHANGED);
        assertThat(leaf.detail()).contains("go 1.21").contains("go 1.22");
    }

    @Test
    void anotherGoIsAToolchainChange() throws Exception {
        Path module = module(temp.resolve("m"));
        Map<String, String> env = environment();
        // go1.22 comes from the Go module proxy, as GOTOOLCHAIN fetches it.
        env.put("GOPROXY", "https://proxy.golang.org");
        build(module, BuildRequest.builder(), env);

        BuildReport report = build(module, BuildRequest.builder().gotoolchain("go1.22.12"), env);

        RebuildCause leaf = cause(report, "/internal/leaf", "COMPILE");
        assertThat(leaf.kind()).isEqualTo(RebuildKind.TOOLCHAIN_CHANGED);
        assertThat(leaf.detail()).contains("go1.22.12");
        assertThat(rebuilds(report).rootCauses().get(0).kind()).isEqualTo(RebuildKind.TOOLCHAIN_CHANGED);
    }

    @Test
    void resultsGoneFromTheBuildCacheAreEvictions() throws Exception {
        Path home = temp.resolve("own-home");
        Path module = module(temp.resolve("m"));
        BuildRequest.Builder request = BuildRequest.builder().cacheDir(home.toString());
        build(module, request);
        deleteTree(home.resolve("go-build"));

        BuildReport report = build(module, request);

        assertThat(cause(report, "/internal/leaf", "COMPILE").kind()).isEqualTo(RebuildKind.CACHE_EVICTED);
    }

    @Test
    void aDamagedHistoryIsAWarningAndCountsAsNone() throws Exception {
        Path module = module(temp.resolve("m"));
        build(module, BuildRequest.builder());
        try (Stream<Path> files = Files.walk(cacheRoot.resolve("gobuild/state"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".history.json")).toList()) {
                Files.writeString(file, "not a history at all");
            }
        }

        BuildReport report = build(module, BuildRequest.builder());

        assertThat(report.warnings()).anyMatch(w -> w.kind() == WarningKind.STATE_UNREADABLE);
        assertThat(rebuilds(report).compiled()).isZero();
    }

    @Test
    void twoBuildsAtOnceOnOneCacheHomeBothSucceedAndATrimWaitsForThem() throws Exception {
        Path one = module(temp.resolve("a"));
        Path two = module(temp.resolve("b"));
        BuildReport[] reports = new BuildReport[2];
        Thread first = new Thread(() -> reports[0] = quietly(one, BuildRequest.builder().targets(List.of("linux/amd64", "windows/amd64"))));
        Thread second = new Thread(() -> reports[1] = quietly(two, BuildRequest.builder().targets(List.of("linux/amd64", "windows/amd64"))
                .cacheMaxSize("1K")));
        first.start();
        second.start();
        first.join();
        second.join();

        assertThat(reports).allSatisfy(r -> assertThat(r.status()).isEqualTo(RunStatus.SUCCESS));
        // Everything in the cache was used within two hours, so even a 1K cap trims nothing.
        assertThat(reports[1].cache().trimmedEntries()).isZero();
        assertThat(reports[1].cache().maxBytes()).isEqualTo(1024);
        assertThat(build(one, BuildRequest.builder().targets(List.of("linux/amd64", "windows/amd64"))).targets())
                .allSatisfy(t -> assertThat(t.rebuilds().compiled()).isZero());
    }

    @Test
    void aSizeCapTrimsEntriesUnusedForHoursAndTheNextBuildStillWorks() throws Exception {
        Path home = temp.resolve("capped-home");
        Path module = module(temp.resolve("m"));
        build(module, BuildRequest.builder().cacheDir(home.toString()));
        long threeHoursAgo = System.currentTimeMillis() - 3 * 3600 * 1000L;
        try (Stream<Path> files = Files.walk(home.resolve("go-build"))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Files.setLastModifiedTime(file, java.nio.file.attribute.FileTime.fromMillis(threeHoursAgo));
            }
        }

        // Another configuration: the standard library's entries are used (and so refreshed), the module's old ones are not.
        BuildReport trimmed = build(module, BuildRequest.builder().cacheDir(home.toString()).gcflags("-N -l").cacheMaxSize("1M"));
        BuildReport after = build(module, BuildRequest.builder().cacheDir(home.toString()));

        assertThat(trimmed.cache().trimmedEntries()).isPositive();
        assertThat(trimmed.cache().bytesAfter()).isLessThan(trimmed.cache().bytesBefore());
        assertThat(after.status()).isEqualTo(RunStatus.SUCCESS);
        assertThat(rebuilds(after).causes()).extracting(RebuildCause::kind).contains(RebuildKind.CACHE_EVICTED);
    }

    private BuildReport quietly(Path module, BuildRequest.Builder request) {
        try {
            return build(module, request);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void run(Path dir, Map<String, String> env, String... command) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        builder.environment().putAll(env);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor()).as(output).isZero();
    }

    private static void deleteTree(Path root) throws Exception {
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }
}
