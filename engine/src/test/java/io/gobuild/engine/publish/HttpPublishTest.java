package io.gobuild.engine.publish;

import io.gobuild.engine.report.BuildReport;
import io.gobuild.engine.report.BuildReport.RunStatus;
import io.gobuild.engine.report.PublishReport.Outcome;
import io.gobuild.engine.secret.Secret;
import io.gobuild.engine.support.CuttingProxy;
import io.gobuild.engine.support.NginxServer;
import io.gobuild.engine.support.RecordingLog;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Publishing to a real nginx WebDAV repository behind basic authentication. */
class HttpPublishTest {
    private static final String USER = "deployer";
    private static final String PASSWORD = "upload-secret-5521";
    @TempDir
    static Path shared;
    static ReleaseFixture fixture;
    @TempDir
    Path temp;
    private Path root;
    private NginxServer nginx;
    private final RecordingLog log = new RecordingLog();

    @BeforeAll
    static void build() throws Exception {
        assumeTrue(NginxServer.installed(), "nginx is not installed (.ci/run installs nginx-extras)");
        fixture = new ReleaseFixture(shared);
    }

    @BeforeEach
    void serve() throws Exception {
        root = temp.resolve("repo");
        Files.createDirectories(root);
        nginx = NginxServer.webdav(root, temp.resolve("nginx"), USER, PASSWORD);
    }

    @AfterEach
    void stop() {
        nginx.close();
    }

    private PublishRequest.Builder request(String url) {
        return fixture.request(url + "/releases/v2.1.0").auth(io.gobuild.engine.publish.HttpAuth.basic(USER, Secret.of(PASSWORD)))
                .reportPath(temp.resolve("publish-report.json").toString());
    }

    private BuildReport publish(PublishRequest request) throws Exception {
        return new PublishPipeline().run(request, log);
    }

    private Map<String, String> published() throws Exception {
        Map<String, String> files = new TreeMap<>();
        try (var walk = Files.walk(root)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                files.put(root.relativize(file).toString(), Sha256.of(file));
            }
        }
        return files;
    }

    @Test
    void fullPublishThenARepublishThatSkipsEverything() throws Exception {
        BuildReport first = publish(request(nginx.url()).build());
        assertThat(first.status()).as(first.message()).isEqualTo(RunStatus.SUCCESS);
        assertThat(ReleaseFixture.outcomes(first).values()).containsOnly(Outcome.UPLOADED);
        assertThat(published().keySet()).containsExactlyInAnyOrder("releases/v2.1.0/release_v2.1.0_linux_amd64.tar.gz",
                "releases/v2.1.0/release_v2.1.0_windows_amd64.zip", "releases/v2.1.0/release_v2.1.0.intoto.jsonl",
                "releases/v2.1.0/release_v2.1.0_checksums.txt", "releases/v2.1.0/release_v2.1.0_checksums.txt.asc");
        assertThat(first.publish().files().get(0).destination())
                .isEqualTo(nginx.url() + "/releases/v2.1.0/release_v2.1.0_linux_amd64.tar.gz");
        for (var file : first.publish().files()) {
            assertThat(published()).containsEntry("releases/v2.1.0/" + file.name(), file.sha256());
        }

        BuildReport again = publish(request(nginx.url()).build());
        assertThat(again.status()).isEqualTo(RunStatus.SUCCESS);
        assertThat(ReleaseFixture.outcomes(again).values()).containsOnly(Outcome.SKIPPED_IDENTICAL);
    }

    @Test
    void aConflictingArtifactFailsThePublishAndChangesNothingElse() throws Exception {
        Path conflicting = root.resolve("releases/v2.1.0/release_v2.1.0_linux_amd64.tar.gz");
        Files.createDirectories(conflicting.getParent());
        Files.writeString(conflicting, "an older build");
        Map<String, String> before = published();

        BuildReport report = publish(request(nginx.url()).build());

        assertThat(report.status()).isEqualTo(RunStatus.FAILURE);
        assertThat(ReleaseFixture.outcomes(report)).containsEntry("release_v2.1.0_linux_amd64.tar.gz", Outcome.FAILED)
                .containsEntry("release_v2.1.0_checksums.txt", Outcome.NOT_PUBLISHED);
        assertThat(published()).isEqualTo(before);
    }

    @Test
    void wrongCredentialsAreAClearErrorThatNamesNoCredential() throws Exception {
        BuildReport report = publish(fixture.request(nginx.url() + "/releases/v2.1.0")
                .auth(io.gobuild.engine.publish.HttpAuth.basic(USER, Secret.of("not-the-password-77")))
                .reportPath(temp.resolve("publish-report.json").toString()).build());

        assertThat(report.status()).isEqualTo(RunStatus.FAILURE);
        String everything = log.text() + Files.readString(temp.resolve("publish-report.json"));
        assertThat(everything).contains("HTTP 401", "refused the upload credentials").doesNotContain("not-the-password-77", PASSWORD);
        assertThat(published()).isEmpty();
    }

    @Test
    void droppedUploadsAreRetriedAndAPublishStoppedBeforeTheMoveCompletesOnTheNextRun() throws Exception {
        try (CuttingProxy proxy = CuttingProxy.start(Integer.parseInt(nginx.url().replaceFirst(".*:", "")), 2, 64 * 1024)) {
            BuildReport retried = publish(request(proxy.url()).build());
            assertThat(retried.status()).as(retried.message()).isEqualTo(RunStatus.SUCCESS);
            assertThat(log.text()).contains("retrying in");
        }
        Map<String, String> complete = published();
        root.toFile().listFiles();
        deleteTree(root.resolve("releases"));

        AtomicReference<Thread> publisher = new AtomicReference<>();
        try (CuttingProxy proxy = CuttingProxy.start(Integer.parseInt(nginx.url().replaceFirst(".*:", "")), 0, 0)) {
            proxy.onNextMove(() -> publisher.get().interrupt());
            publisher.set(Thread.currentThread());
            BuildReport stopped = publish(request(proxy.url()).build());
            assertThat(Thread.interrupted()).isTrue();
            assertThat(stopped.status()).isEqualTo(RunStatus.CANCELLED);
            assertThat(ReleaseFixture.outcomes(stopped).values()).containsOnly(Outcome.NOT_PUBLISHED);
        }
        assertThat(published().keySet()).noneMatch(name -> name.endsWith("checksums.txt"))
                .allMatch(name -> name.startsWith("releases/v2.1.0/.") && name.endsWith(".part"));

        BuildReport rerun = publish(request(nginx.url()).build());
        assertThat(rerun.status()).isEqualTo(RunStatus.SUCCESS);
        Map<String, String> after = published();
        after.keySet().removeIf(name -> name.endsWith(".part"));
        assertThat(after).isEqualTo(complete);
    }

    private static void deleteTree(Path dir) throws Exception {
        try (var walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    @Test
    void aServerThatCannotMoveGetsEachFileInPlaceAndReadBack() throws Exception {
        Path plainRoot = temp.resolve("plain");
        Files.createDirectories(plainRoot);
        try (NginxServer plain = NginxServer.webdav(plainRoot, temp.resolve("nginx-plain"), USER, PASSWORD, "PUT DELETE")) {
            BuildReport report = publish(request(plain.url()).build());

            assertThat(report.status()).as(report.message()).isEqualTo(RunStatus.SUCCESS);
            assertThat(log.text()).contains("cannot move files (HTTP 405); uploading in place and reading back");
            try (var walk = Files.walk(plainRoot)) {
                assertThat(walk.filter(Files::isRegularFile).map(p -> p.getFileName().toString()).toList())
                        .hasSize(report.publish().files().size()).noneMatch(name -> name.endsWith(".part"));
            }
        }
    }

    @Test
    void aBearerTokenAuthenticatesAndAWrongOneIsRefusedWithoutShowingIt() throws Exception {
        Path tokenRoot = temp.resolve("token-repo");
        Files.createDirectories(tokenRoot);
        try (NginxServer tokenServer = NginxServer.webdavWithToken(tokenRoot, temp.resolve("nginx-token"), "tok-4471-secret")) {
            BuildReport refused = publish(fixture.request(tokenServer.url() + "/r").auth(HttpAuth.bearer(Secret.of("tok-wrong-0001")))
                    .reportPath(temp.resolve("refused.json").toString()).build());
            assertThat(refused.status()).isEqualTo(RunStatus.FAILURE);
            assertThat(log.text() + Files.readString(temp.resolve("refused.json"))).contains("HTTP 401", "a bearer token")
                    .doesNotContain("tok-wrong-0001");

            BuildReport published = publish(fixture.request(tokenServer.url() + "/r").auth(HttpAuth.bearer(Secret.of("tok-4471-secret")))
                    .reportPath(temp.resolve("published.json").toString()).build());
            assertThat(published.status()).as(published.message()).isEqualTo(RunStatus.SUCCESS);
            assertThat(tokenRoot.resolve("r/release_v2.1.0_checksums.txt")).exists();
            assertThat(log.text()).doesNotContain("tok-4471-secret");
        }
    }
}
