package io.gobuild.engine.pipeline;

import io.gobuild.engine.GoBuildEngine;
import io.gobuild.engine.report.Artifact;
import io.gobuild.engine.report.BuildReport;
import io.gobuild.engine.report.BuildReport.RunStatus;
import io.gobuild.engine.report.CompileError;
import io.gobuild.engine.report.ReportJson;
import io.gobuild.engine.report.TargetResult;
import io.gobuild.engine.report.TargetStatus;
import io.gobuild.engine.report.Warning.WarningKind;
import io.gobuild.engine.request.BuildRequest;
import io.gobuild.engine.request.UsageException;
import io.gobuild.engine.support.BinaryFormat;
import io.gobuild.engine.support.GoTestSupport;
import io.gobuild.engine.support.RecordingLog;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Builds the example module for real, with the go command of the machine. */
class MatrixBuildTest {
    @TempDir
    Path temp;
    private Path module;
    private final RecordingLog log = new RecordingLog();

    @BeforeEach
    void copyExample() {
        module = GoTestSupport.copyExample(temp);
    }

    private BuildReport build(BuildRequest.Builder request) throws Exception {
        return build(request, GoTestSupport.environment());
    }

    private BuildReport build(BuildRequest.Builder request, Map<String, String> environment) throws Exception {
        return new GoBuildEngine(GoTestSupport.host(module, environment), log).build(request.moduleDir(module.toString()).build());
    }

    private static TargetResult target(BuildReport report, String id) {
        return report.targets().stream().filter(t -> t.target().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void threeTargetMatrixBuildsBinariesOfTheRightFormatAndReportsThem() throws Exception {
        BuildReport report = build(BuildRequest.builder().targets(List.of("linux/amd64", "windows/amd64", "darwin/arm64")));

        assertThat(report.status()).isEqualTo(RunStatus.SUCCESS);
        assertThat(report.module()).isEqualTo("example.com/hello");
        assertThat(report.targets()).extracting(TargetResult::target).containsExactly("linux/amd64", "windows/amd64", "darwin/arm64");
        Path dist = module.resolve("dist");
        Map<String, BinaryFormat> expected = Map.of("linux_amd64/hello", BinaryFormat.ELF,
                "windows_amd64/hello.exe", BinaryFormat.PE, "darwin_arm64/hello", BinaryFormat.MACH_O);
        for (TargetResult target : report.targets()) {
            assertThat(target.status()).isEqualTo(TargetStatus.SUCCESS);
            Artifact artifact = target.artifacts().get(0);
            assertThat(BinaryFormat.of(dist.resolve(artifact.path()))).isEqualTo(expected.get(artifact.path()));
            assertThat(artifact.size()).isEqualTo(Files.size(dist.resolve(artifact.path())));
            assertThat(artifact.sha256()).hasSize(64);
            assertThat(artifact.buildInfo().settings()).containsEntry("GOOS", target.goos())
                    .containsEntry("GOARCH", target.goarch()).containsEntry("CGO_ENABLED", "0").containsEntry("-trimpath", "true");
            assertThat(artifact.buildInfo().main().path()).isEqualTo("example.com/hello");
        }
        BuildReport written = ReportJson.read(Files.readAllBytes(dist.resolve("build-report.json")), BuildReport.class);
        assertThat(written).isEqualTo(report);
        assertThat(log.lines()).anyMatch(l -> l.matches("\\[\\d/3] windows/amd64 ok \\d+\\.\\ds"));
        assertThat(dist.toFile().list()).containsExactlyInAnyOrder("linux_amd64", "windows_amd64", "darwin_arm64", "build-report.json",
                "build-report.html");
    }

    @Test
    void aRebuildWithNoChangeNeitherRelinksNorCopiesNorRehashes() throws Exception {
        BuildRequest.Builder request = BuildRequest.builder().targets(List.of("linux/amd64", "windows/amd64"));
        BuildReport first = build(request);
        Path binary = module.resolve("dist/windows_amd64/hello.exe");
        Object inode = Files.getAttribute(binary, "unix:ino");
        long mtime = Files.getLastModifiedTime(binary).toMillis();

        BuildReport second = build(request);

        assertThat(second.targets()).extracting(TargetResult::artifacts).isEqualTo(first.targets().stream().map(TargetResult::artifacts).toList());
        assertThat(Files.getAttribute(binary, "unix:ino")).isEqualTo(inode);
        assertThat(Files.getLastModifiedTime(binary).toMillis()).isEqualTo(mtime);
    }

    @Test
    void aChangedSourceReplacesTheBinaryAtomicallyAndRehashesIt() throws Exception {
        BuildReport first = build(BuildRequest.builder());
        GoTestSupport.write(module.resolve("internal/greet/greet.go"),
                "package greet\n\nfunc Greeting() string { return \"Howdy from \" + platform() }\n");

        BuildReport second = build(BuildRequest.builder());

        String path = second.targets().get(0).artifacts().get(0).path();
        assertThat(second.targets().get(0).artifacts().get(0).sha256()).isNotEqualTo(first.targets().get(0).artifacts().get(0).sha256());
        Process run = new ProcessBuilder(module.resolve("dist").resolve(path).toString()).start();
        assertThat(new String(run.getInputStream().readAllBytes())).startsWith("Howdy from");
        assertThat(module.resolve("dist/linux_amd64").toFile().list()).containsExactly("hello");
    }

    @Test
    void versionStampIsVisibleWhenTheHostBinaryRuns() throws Exception {
        BuildReport report = build(BuildRequest.builder().version("1.4.2")
                .ldflags("-s -w -X main.version={{.Version}}+{{.Os}}.{{.Arch}}"));

        Path binary = module.resolve("dist").resolve(report.targets().get(0).artifacts().get(0).path());
        Process run = new ProcessBuilder(binary.toString(), "version").redirectErrorStream(true).start();
        assertThat(new String(run.getInputStream().readAllBytes()).strip())
                .isEqualTo("hello 1.4.2+" + report.toolchain().hostOs() + "." + report.toolchain().hostArch());
        assertThat(report.targets().get(0).ldflags()).isEqualTo("-s -w -X main.version=1.4.2+linux.amd64");
        assertThat(report.warnings()).noneMatch(w -> w.kind() == WarningKind.LDFLAGS_STAMP_MISSING);
    }

    @Test
    void packageFailingOnlyOnWindowsFailsThatTargetWithParsedErrorsWhileOthersSucceed() throws Exception {
        GoTestSupport.write(module.resolve("internal/greet/broken_windows.go"),
                "package greet\n\nfunc broken() int {\n\treturn \"not a number\"\n}\n");

        BuildReport report = build(BuildRequest.builder().targets(List.of("linux/amd64", "windows/amd64")));

        assertThat(report.status()).isEqualTo(RunStatus.FAILURE);
        assertThat(target(report, "linux/amd64").status()).isEqualTo(TargetStatus.SUCCESS);
        TargetResult windows = target(report, "windows/amd64");
        assertThat(windows.status()).isEqualTo(TargetStatus.FAILURE);
        assertThat(windows.exitCode()).isEqualTo(1);
        assertThat(windows.artifacts()).isEmpty();
        CompileError error = windows.errors().get(0);
        assertThat(error.packagePath()).isEqualTo("example.com/hello/internal/greet");
        assertThat(error.file()).endsWith("internal/greet/broken_windows.go");
        assertThat(error.line()).isEqualTo(4);
        assertThat(error.column()).isEqualTo(9);
        assertThat(error.message()).contains("cannot use \"not a number\"");
        assertThat(log.text()).contains("[windows/amd64] " + error.file() + ":4:9:");
    }

    @Test
    void aMainPackageThatBuildConstraintsExcludeForATargetIsLeftOutThereWithAWarning() throws Exception {
        GoTestSupport.write(module.resolve("cmd/linuxtool/main.go"), "//go:build linux\n\npackage main\n\nfunc main() {}\n");

        BuildReport report = build(BuildRequest.builder().targets(List.of("linux/amd64", "windows/amd64")));

        assertThat(report.status()).isEqualTo(RunStatus.SUCCESS);
        assertThat(target(report, "linux/amd64").artifacts()).extracting(Artifact::binary).containsExactly("hello", "linuxtool");
        assertThat(target(report, "windows/amd64").artifacts()).extracting(Artifact::binary).containsExactly("hello");
        assertThat(report.warnings()).filteredOn(w -> w.kind() == WarningKind.PACKAGE_EXCLUDED).singleElement()
                .satisfies(w -> assertThat(w.message()).isEqualTo("example.com/hello/cmd/linuxtool is not built for windows/amd64: "
                        + "build constraints exclude all its Go files"));
    }

    @Test
    void aMainPackageThatOnlyAnotherPlatformBuildsIsBuiltForThatPlatform() throws Exception {
        // The host (linux or darwin in CI) leaves this tool out of ./cmd/...; windows builds it.
        GoTestSupport.write(module.resolve("cmd/wintool/main.go"), "//go:build windows\n\npackage main\n\nfunc main() {}\n");

        BuildReport byDefault = build(BuildRequest.builder().targets(List.of("linux/amd64", "windows/amd64")));
        BuildReport named = build(BuildRequest.builder().targets(List.of("windows/amd64")).packages(List.of("./cmd/wintool")));

        assertThat(byDefault.status()).isEqualTo(RunStatus.SUCCESS);
        assertThat(target(byDefault, "windows/amd64").artifacts()).extracting(Artifact::binary).containsExactly("hello", "wintool");
        assertThat(target(byDefault, "linux/amd64").artifacts()).extracting(Artifact::binary).containsExactly("hello");
        assertThat(byDefault.warnings()).filteredOn(w -> w.kind() == WarningKind.PACKAGE_EXCLUDED).singleElement()
                .satisfies(w -> assertThat(w.message()).startsWith("example.com/hello/cmd/wintool is not built for linux/amd64"));
        assertThat(named.status()).isEqualTo(RunStatus.SUCCESS);
        assertThat(target(named, "windows/amd64").artifacts()).extracting(Artifact::binary).containsExactly("wintool");
    }

    @Test
    void failFastSkipsTargetsThatHaveNotStarted() throws Exception {
        GoTestSupport.write(module.resolve("internal/greet/broken_windows.go"), "package greet\n\nvar x int = \"s\"\n");

        BuildReport report = build(BuildRequest.builder().targets(List.of("windows/amd64", "linux/amd64")).parallel(1).failFast(true));

        assertThat(report.targets()).extracting(TargetResult::status).containsExactly(TargetStatus.FAILURE, TargetStatus.SKIPPED);
    }

    @Test
    void stampNamingAWrongVariableIsReported() throws Exception {
        BuildReport report = build(BuildRequest.builder().ldflags("-X main.verison=9.9.9-marker -X main.version=ok-marker-1"));

        assertThat(report.status()).isEqualTo(RunStatus.SUCCESS);
        assertThat(report.warnings()).filteredOn(w -> w.kind() == WarningKind.LDFLAGS_STAMP_MISSING)
                .singleElement().satisfies(w -> assertThat(w.message()).contains("-X main.verison did not land"));
    }

    @Test
    void variantTargetsSetTheirVariableAndNameTheirOutput() throws Exception {
        BuildReport report = build(BuildRequest.builder().targets(List.of("linux/amd64/v3")));

        Artifact artifact = report.targets().get(0).artifacts().get(0);
        assertThat(artifact.path()).isEqualTo("linux_amd64_v3/hello");
        assertThat(artifact.buildInfo().settings()).containsEntry("GOAMD64", "v3");
    }

    @Test
    void callersGoVariablesNeitherLeakIntoTargetsNorChooseTheToolchain() throws Exception {
        Map<String, String> env = new HashMap<>(GoTestSupport.environment());
        env.put("GOOS", "windows");
        env.put("GOAMD64", "v4");
        env.put("CGO_ENABLED", "1");
        env.put("GOFLAGS", "-tags=nosuchtag");
        env.put("GOTOOLCHAIN", "auto");

        BuildReport report = build(BuildRequest.builder().targets(List.of("linux/amd64")), env);

        Artifact artifact = report.targets().get(0).artifacts().get(0);
        assertThat(BinaryFormat.of(module.resolve("dist").resolve(artifact.path()))).isEqualTo(BinaryFormat.ELF);
        assertThat(artifact.buildInfo().settings()).containsEntry("CGO_ENABLED", "0").containsEntry("GOAMD64", "v1")
                .doesNotContainKey("-tags");
        assertThat(report.toolchain().gotoolchain()).isEqualTo("local");
        assertThat(report.warnings()).filteredOn(w -> w.kind() == WarningKind.ENVIRONMENT_OVERRIDDEN)
                .extracting(w -> w.message()).anyMatch(m -> m.contains("GOFLAGS=-tags=nosuchtag"));
    }

    @Test
    void secretsInTheEnvironmentNeverReachTheReportOrTheLog() throws Exception {
        Map<String, String> env = new HashMap<>(GoTestSupport.environment());
        env.put("CI_JOB_TOKEN", "agent-secret-4711");
        BuildReport report = build(BuildRequest.builder()
                .env(List.of("API_TOKEN=hunter2-secret", "GONOSUMDB=example.com", "DOWNLOAD_URL=https://bob:pa55word@example.com/x"))
                .ldflags("-X main.apiKey=ldflags-secret-99 -X main.version=1")
                .goflags("-modcacherw"), env);

        String json = Files.readString(module.resolve("dist/build-report.json"));
        for (String secret : List.of("hunter2-secret", "pa55word", "ldflags-secret-99", "agent-secret-4711")) {
            assertThat(json).doesNotContain(secret);
            assertThat(log.text()).doesNotContain(secret);
        }
        assertThat(report.request().env()).containsExactly("API_TOKEN=****", "GONOSUMDB=example.com",
                "DOWNLOAD_URL=https://****@example.com/x");
        assertThat(report.targets().get(0).ldflags()).isEqualTo("-X main.apiKey=**** -X main.version=1");
    }

    @Test
    void outputTemplatesThatLeaveTheOutputDirectoryOrCollideAreRefusedBeforeCompiling() {
        assertThatThrownBy(() -> build(BuildRequest.builder().outputTemplate("../{{.Binary}}")))
                .isInstanceOf(UsageException.class).hasMessageContaining("'../hello' is not a file inside the output directory");
        assertThatThrownBy(() -> build(BuildRequest.builder().targets(List.of("linux/amd64", "linux/arm64"))
                .outputTemplate("{{.Os}}/{{.Binary}}")))
                .isInstanceOf(UsageException.class).hasMessageContaining("the same path linux/hello");
        assertThat(module.resolve("dist")).doesNotExist();
    }

    @Test
    void interruptingTheBuildStopsEveryGoProcessAndReportsCancelled() throws Exception {
        Map<String, String> env = new HashMap<>(GoTestSupport.environment());
        env.put("XDG_CACHE_HOME", temp.resolve("cold-cache-home").toString());
        BuildReport[] result = new BuildReport[1];
        boolean[] flagAfter = new boolean[1];
        Thread build = new Thread(() -> {
            try {
                result[0] = build(BuildRequest.builder().targets(List.of("linux/amd64", "linux/386")), env);
                flagAfter[0] = Thread.currentThread().isInterrupted();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        build.start();
        waitForCompiler();
        build.interrupt();
        build.join(TimeUnit.SECONDS.toMillis(60));

        assertThat(build.isAlive()).isFalse();
        assertThat(ProcessHandle.current().descendants().filter(ProcessHandle::isAlive).toList()).isEmpty();
        assertThat(result[0].status()).isEqualTo(RunStatus.CANCELLED);
        // The first target was compiling; the second starts only once the module's verdict is in, so
        // it was either running too or had not started.
        assertThat(result[0].targets().get(0).status()).isEqualTo(TargetStatus.CANCELLED);
        assertThat(result[0].targets()).extracting(TargetResult::status).isSubsetOf(TargetStatus.CANCELLED, TargetStatus.SKIPPED);
        assertThat(flagAfter[0]).isTrue();
        assertThat(module.resolve("dist/build-report.json")).exists();
        // The build-tag helper waits for the host target: cancelled, it must not start at all.
        try (var paths = Files.walk(temp.resolve("cold-cache-home"))) {
            assertThat(paths.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("skips-"))).isEmpty();
        }
    }

    /** Waits until the go command runs the compiler, so the interrupt lands mid-build. */
    static void waitForCompiler() throws InterruptedException, IOException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            boolean compiling = ProcessHandle.current().descendants()
                    .anyMatch(p -> p.info().command().map(c -> c.endsWith("/compile")).orElse(false));
            if (compiling) {
                return;
            }
            Thread.sleep(50);
        }
        throw new IOException("the go command never started the compiler");
    }
}
