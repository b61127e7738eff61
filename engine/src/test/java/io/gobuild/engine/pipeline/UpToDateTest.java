package io.gobuild.engine.pipeline;

import io.gobuild.engine.GoBuildEngine;
import io.gobuild.engine.report.Artifact;
import io.gobuild.engine.report.BuildReport;
import io.gobuild.engine.report.BuildReport.RunStatus;
import io.gobuild.engine.report.TargetResult;
import io.gobuild.engine.request.BuildRequest;
import io.gobuild.engine.support.GoTestSupport;
import io.gobuild.engine.support.RecordingLog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A target whose outputs are already what go would build is not built again, and every change
 * that could make go build something else is seen: a source file (even one rewritten with its old
 * size and time), a file outside the Go files, a removed or altered binary, other flags. A record
 * taken while a file was just written is not trusted. Each build's result is checked against the
 * binaries on disk.
 */
class UpToDateTest {
    @TempDir
    Path temp;
    private final RecordingLog log = new RecordingLog();

    private BuildReport build(Path module, String ldflags, boolean check) throws Exception {
        BuildReport report = new GoBuildEngine(GoTestSupport.host(module), log).build(BuildRequest.builder()
                .moduleDir(module.toString()).targets(List.of("linux/amd64", "windows/amd64")).verify(false)
                .ldflags(ldflags).upToDateCheck(check).build());
        assertThat(report.status()).as(log.text()).isEqualTo(RunStatus.SUCCESS);
        for (TargetResult target : report.targets()) {
            for (Artifact artifact : target.artifacts()) {
                assertThat(artifact.sha256()).as(artifact.path()).isEqualTo(sha256(module.resolve("dist").resolve(artifact.path())));
            }
        }
        return report;
    }

    private BuildReport build(Path module) throws Exception {
        return build(module, "", true);
    }

    private static boolean upToDate(BuildReport report) {
        return report.targets().stream().allMatch(t -> Boolean.TRUE.equals(t.upToDate()));
    }

    private static boolean noneUpToDate(BuildReport report) {
        return report.targets().stream().allMatch(t -> t.upToDate() == null);
    }

    /** Sets every file of the module back in time, as a checkout from a while ago would be. */
    private static void settle(Path module) throws Exception {
        FileTime past = FileTime.fromMillis(System.currentTimeMillis() - 60_000);
        try (Stream<Path> files = Files.walk(module)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Files.setLastModifiedTime(file, past);
            }
        }
    }

    private static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }

    @Test
    void anUnchangedModuleIsNotBuiltAgainAndEveryKindOfChangeIs() throws Exception {
        Path module = GoTestSupport.copyExample(temp);
        settle(module);
        BuildReport first = build(module);
        assertThat(noneUpToDate(first)).isTrue();

        BuildReport second = build(module);
        assertThat(upToDate(second)).as(log.text()).isTrue();
        assertThat(second.targets()).allSatisfy(t -> assertThat(t.rebuilds().compiled()).isZero());
        assertThat(second.targets()).extracting(TargetResult::artifacts).isEqualTo(first.targets().stream().map(TargetResult::artifacts).toList());
        assertThat(log.text()).contains("go not run");

        // The same size and modification time, other content: the change time still moves.
        Path main = module.resolve("cmd/hello/main.go");
        String source = Files.readString(main);
        FileTime time = Files.getLastModifiedTime(main);
        Files.writeString(main, source.replace("\"hello\", version", "\"jello\", version"));
        Files.setLastModifiedTime(main, time);
        assertThat(Files.size(main)).isEqualTo(source.length());
        BuildReport rewritten = build(module);
        assertThat(noneUpToDate(rewritten)).isTrue();
        assertThat(sha(rewritten, "linux/amd64")).isNotEqualTo(sha(second, "linux/amd64"));
        assertThat(upToDate(build(module))).isTrue();

        // A file that is not Go source (an embedded file, say) counts too.
        Files.writeString(module.resolve("notes.txt"), "not Go\n");
        Files.setLastModifiedTime(module.resolve("notes.txt"), FileTime.fromMillis(System.currentTimeMillis() - 60_000));
        assertThat(noneUpToDate(build(module))).isTrue();

        // A removed or altered binary is built again.
        Files.delete(module.resolve("dist/linux_amd64/hello"));
        BuildReport removed = build(module);
        assertThat(removed.targets()).filteredOn(t -> t.target().equals("linux/amd64")).allMatch(t -> t.upToDate() == null);
        assertThat(removed.targets()).filteredOn(t -> t.target().equals("windows/amd64")).allMatch(t -> Boolean.TRUE.equals(t.upToDate()));
        Files.write(module.resolve("dist/windows_amd64/hello.exe"), new byte[] {1, 2, 3});
        BuildReport altered = build(module);
        assertThat(altered.targets()).filteredOn(t -> t.target().equals("windows/amd64")).allMatch(t -> t.upToDate() == null);

        // Other ldflags are another build; asked not to check, go runs.
        BuildReport stamped = build(module, "-X main.version=9.9.9", true);
        assertThat(noneUpToDate(stamped)).isTrue();
        assertThat(upToDate(build(module, "-X main.version=9.9.9", true))).isTrue();
        assertThat(noneUpToDate(build(module, "-X main.version=9.9.9", false))).isTrue();
    }

    @Test
    void aRecordTakenWhileAFileWasJustWrittenIsNotTrusted() throws Exception {
        Path module = GoTestSupport.copyExample(temp);
        settle(module);
        // Written "now" as far as the record can tell: the file system's clock may not have moved
        // between this write and a later one of the same size.
        Files.setLastModifiedTime(module.resolve("go.mod"), FileTime.fromMillis(System.currentTimeMillis() + 60_000));
        build(module);

        assertThat(noneUpToDate(build(module))).as("the first record was taken too close to a write").isTrue();
    }

    private static String sha(BuildReport report, String target) {
        return report.targets().stream().filter(t -> t.target().equals(target)).findFirst().orElseThrow().artifacts().get(0).sha256();
    }
}
