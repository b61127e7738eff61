package io.gobuild.engine.publish;

import com.fasterxml.jackson.databind.JsonNode;
import io.gobuild.engine.report.BuildReport;
import io.gobuild.engine.report.BuildReport.RunStatus;
import io.gobuild.engine.report.PublishReport;
import io.gobuild.engine.report.PublishReport.Outcome;
import io.gobuild.engine.report.PublishReport.PublishedFile;
import io.gobuild.engine.report.ReportJson;
import io.gobuild.engine.secret.Secret;
import io.gobuild.engine.request.UsageException;
import io.gobuild.engine.support.Cosign;
import io.gobuild.engine.support.Gpg;
import io.gobuild.engine.support.RecordingLog;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Publishing a real build to a directory, checked with the real sha256sum, gpg and cosign. */
class DirectoryPublishTest {
    @TempDir
    static Path shared;
    static ReleaseFixture fixture;
    @TempDir
    Path temp;
    private final RecordingLog log = new RecordingLog();

    @BeforeAll
    static void build() throws Exception {
        fixture = new ReleaseFixture(shared);
    }

    private BuildReport publish(PublishRequest request) throws Exception {
        return new PublishPipeline().run(request, log);
    }

    @Test
    void releaseIsPackagedChecksummedAndSignedSoThatTheRealToolsAcceptIt() throws Exception {
        Path out = temp.resolve("release");
        BuildReport report = publish(fixture.request(out.toString()).build());

        assertThat(report.status()).as(report.message()).isEqualTo(RunStatus.SUCCESS);
        assertThat(report.kind()).isEqualTo("PUBLISH");
        assertThat(out.toFile().list()).containsExactlyInAnyOrder("release_v2.1.0_linux_amd64.tar.gz",
                "release_v2.1.0_windows_amd64.zip", "release_v2.1.0.intoto.jsonl", "release_v2.1.0_checksums.txt",
                "release_v2.1.0_checksums.txt.asc");
        assertThat(report.publish().files()).extracting(PublishedFile::outcome).containsOnly(Outcome.UPLOADED);
        assertThat(report.publish().files().get(report.publish().files().size() - 2).name()).isEqualTo("release_v2.1.0_checksums.txt");
        assertThat(Files.getPosixFilePermissions(out.resolve("release_v2.1.0_checksums.txt")))
                .isEqualTo(PosixFilePermissions.fromString("rw-r--r--"));

        Process sha256sum = new ProcessBuilder("sha256sum", "-c", "release_v2.1.0_checksums.txt").directory(out.toFile())
                .redirectErrorStream(true).start();
        String checked = new String(sha256sum.getInputStream().readAllBytes());
        assertThat(sha256sum.waitFor()).as(checked).isZero();
        assertThat(checked).contains("release_v2.1.0_linux_amd64.tar.gz: OK", "release_v2.1.0_windows_amd64.zip: OK");

        var verified = fixture.gpg.verify(out.resolve("release_v2.1.0_checksums.txt.asc"), out.resolve("release_v2.1.0_checksums.txt"));
        assertThat(verified.exitCode()).as(verified.output()).isZero();
        assertThat(verified.output()).contains("Good signature from \"Release Key <release@example.com>\"")
                .contains("Signature made Thu Jan  1 00:00:00 2026");

        try (InputStream in = Files.newInputStream(out.resolve("release_v2.1.0_linux_amd64.tar.gz"));
             TarArchiveInputStream tar = new TarArchiveInputStream(new GzipCompressorInputStream(in))) {
            List<String> entries = new ArrayList<>();
            for (TarArchiveEntry entry; (entry = tar.getNextEntry()) != null; ) {
                entries.add(entry.getName() + " " + Integer.toOctalString(entry.getMode() & 0777) + " " + entry.getLongUserId() + ":"
                        + entry.getLongGroupId() + " " + entry.getModTime().toInstant());
            }
            assertThat(entries).containsExactly("LICENSE 644 0:0 2026-01-01T00:00:00Z", "release 755 0:0 2026-01-01T00:00:00Z");
        }
        try (ZipFile zip = ZipFile.builder().setPath(out.resolve("release_v2.1.0_windows_amd64.zip")).get()) {
            List<String> entries = new ArrayList<>();
            for (ZipArchiveEntry entry : java.util.Collections.list(zip.getEntries())) {
                entries.add(entry.getName() + " " + Integer.toOctalString(entry.getUnixMode() & 0777));
            }
            assertThat(entries).containsExactly("LICENSE 644", "release.exe 755");
        }
    }

    @Test
    void packagingAndSigningTheSameBuildTwiceGivesIdenticalBytes() throws Exception {
        publish(fixture.request(temp.resolve("a").toString()).staging(temp.resolve("stage-a").toString()).signArtifacts(true).build());
        publish(fixture.request(temp.resolve("b").toString()).staging(temp.resolve("stage-b").toString()).signArtifacts(true).build());

        String[] names = temp.resolve("a").toFile().list();
        assertThat(names).hasSize(8).containsExactlyInAnyOrder(temp.resolve("b").toFile().list());
        for (String name : names) {
            assertThat(Files.readAllBytes(temp.resolve("b").resolve(name))).as(name).isEqualTo(Files.readAllBytes(temp.resolve("a").resolve(name)));
        }
        var verified = fixture.gpg.verify(temp.resolve("a/release_v2.1.0_windows_amd64.zip.asc"), temp.resolve("a/release_v2.1.0_windows_amd64.zip"));
        assertThat(verified.exitCode()).as(verified.output()).isZero();
    }

    @Test
    void provenanceNamesEveryArtifactTheToolchainTheRequestAndOnlyTheModulesLinkedIn() throws Exception {
        Path out = temp.resolve("release");
        BuildReport report = publish(fixture.request(out.toString()).builderId("https://ci.example.com/job/release").build());

        JsonNode envelope = ReportJson.mapper().readTree(Files.readAllBytes(out.resolve("release_v2.1.0.intoto.jsonl")));
        assertThat(envelope.path("payloadType").asText()).isEqualTo("application/vnd.in-toto+json");
        assertThat(envelope.path("signatures")).isEmpty();
        JsonNode statement = ReportJson.mapper().readTree(Base64.getDecoder().decode(envelope.path("payload").asText()));
        assertThat(statement.path("_type").asText()).isEqualTo("https://in-toto.io/Statement/v1");
        assertThat(statement.path("predicateType").asText()).isEqualTo("https://slsa.dev/provenance/v1");
        Map<String, String> subjects = new TreeMap<>();
        statement.path("subject").forEach(s -> subjects.put(s.path("name").asText(), s.path("digest").path("sha256").asText()));
        Map<String, String> published = new TreeMap<>();
        report.publish().files().stream().filter(f -> f.role() == PublishReport.Role.ARCHIVE).forEach(f -> published.put(f.name(), f.sha256()));
        assertThat(subjects).isEqualTo(published).hasSize(2);

        JsonNode predicate = statement.path("predicate");
        assertThat(predicate.at("/runDetails/builder/id").asText()).isEqualTo("https://ci.example.com/job/release");
        assertThat(predicate.at("/buildDefinition/externalParameters/module").asText()).isEqualTo("example.com/release/v2");
        assertThat(predicate.at("/buildDefinition/externalParameters/builds/0/request/targets").toString())
                .contains("linux/amd64", "windows/amd64");
        assertThat(predicate.at("/runDetails/metadata/startedOn").asText()).isEqualTo(fixture.build.startedAt());
        List<String> uris = new ArrayList<>();
        predicate.at("/buildDefinition/resolvedDependencies").forEach(d -> uris.add(d.path("uri").asText()));
        assertThat(uris).contains("git+example.com/release/v2", "pkg:golang/example.com/publinked@v1.0.0")
                .anyMatch(u -> u.startsWith("pkg:golang/toolchain@go1."))
                .noneMatch(u -> u.contains("pubextra"));
        assertThat(Files.readString(fixture.app.resolve("go.sum"))).contains("example.com/pubextra");
        JsonNode linked = predicate.at("/buildDefinition/resolvedDependencies").findParents("uri").stream()
                .filter(d -> d.path("uri").asText().contains("publinked")).findFirst().orElseThrow();
        assertThat(linked.at("/annotations/linkedInto").toString()).contains("linux/amd64/release", "windows/amd64/release.exe");
        assertThat(linked.at("/digest/dirhash1").asText()).hasSize(64);
    }

    @Test
    void cosignVerifiesBlobSignaturesAndTheSignedProvenanceOffline() throws Exception {
        Path keys = temp.resolve("keys");
        Cosign cosign = fixture.cosignKeys(keys);
        Path out = temp.resolve("release");
        BuildReport report = publish(fixture.request(out.toString()).cosignKey(keys.resolve("cosign.key").toString(),
                Secret.of(ReleaseFixture.COSIGN_PASSWORD)).signArtifacts(true).build());
        assertThat(report.status()).as(report.message()).isEqualTo(RunStatus.SUCCESS);

        Path publicKey = keys.resolve("cosign.pub");
        for (String blob : List.of("release_v2.1.0_checksums.txt", "release_v2.1.0_linux_amd64.tar.gz")) {
            Cosign.Result result = cosign.verifyBlob(publicKey, out.resolve(blob + ".sig"), out.resolve(blob));
            assertThat(result.exitCode()).as(result.output()).isZero();
            assertThat(result.output()).contains("Verified OK");
        }
        Cosign.Result attestation = cosign.verifyAttestation(publicKey, out.resolve("release_v2.1.0.intoto.jsonl"),
                out.resolve("release_v2.1.0_windows_amd64.zip"));
        assertThat(attestation.exitCode()).as(attestation.output()).isZero();

        Files.write(out.resolve("tampered.bin"), new byte[] {1, 2, 3});
        Cosign.Result tampered = cosign.verifyBlob(publicKey, out.resolve("release_v2.1.0_checksums.txt.sig"), out.resolve("tampered.bin"));
        assertThat(tampered.exitCode()).isNotZero();
        assertThat(report.publish().signers()).extracting(PublishReport.Signer::kind).containsExactly("OPENPGP", "COSIGN");
    }

    @Test
    void republishingSkipsIdenticalFilesAndAConflictChangesNothingUnlessOverwriteIsAsked() throws Exception {
        Path out = temp.resolve("release");
        publish(fixture.request(out.toString()).build());
        BuildReport again = publish(fixture.request(out.toString()).build());
        assertThat(again.status()).isEqualTo(RunStatus.SUCCESS);
        assertThat(ReleaseFixture.outcomes(again).values()).containsOnly(Outcome.SKIPPED_IDENTICAL);

        Path zip = out.resolve("release_v2.1.0_windows_amd64.zip");
        Files.writeString(zip, "someone else's zip");
        Files.delete(out.resolve("release_v2.1.0_checksums.txt"));
        BuildReport conflict = publish(fixture.request(out.toString()).build());
        assertThat(conflict.status()).isEqualTo(RunStatus.FAILURE);
        assertThat(conflict.message()).contains("different content", "nothing was published");
        assertThat(ReleaseFixture.outcomes(conflict)).containsEntry("release_v2.1.0_windows_amd64.zip", Outcome.FAILED)
                .containsEntry("release_v2.1.0_checksums.txt", Outcome.NOT_PUBLISHED)
                .containsEntry("release_v2.1.0_linux_amd64.tar.gz", Outcome.SKIPPED_IDENTICAL);
        assertThat(Files.readString(zip)).isEqualTo("someone else's zip");
        assertThat(out.resolve("release_v2.1.0_checksums.txt")).doesNotExist();

        BuildReport replaced = publish(fixture.request(out.toString()).overwrite(true).build());
        assertThat(replaced.status()).isEqualTo(RunStatus.SUCCESS);
        assertThat(ReleaseFixture.outcomes(replaced)).containsEntry("release_v2.1.0_windows_amd64.zip", Outcome.UPLOADED)
                .containsEntry("release_v2.1.0_checksums.txt", Outcome.UPLOADED);
    }

    @Test
    void aPublishedSignatureThatVerifiesOverTheSameChecksumFileIsKept() throws Exception {
        Path out = temp.resolve("release");
        publish(fixture.request(out.toString()).build());
        // The same key signing the same file later: different bytes, same meaning.
        Path checksums = out.resolve("release_v2.1.0_checksums.txt");
        byte[] later = io.gobuild.engine.sign.OpenPgpSigner.load("key", Files.readAllBytes(fixture.secretKey),
                Secret.of(ReleaseFixture.PASSPHRASE), Instant.now()).sign(Files.readAllBytes(checksums), Instant.now());
        Files.write(out.resolve("release_v2.1.0_checksums.txt.asc"), later);

        BuildReport again = publish(fixture.request(out.toString()).build());
        PublishedFile signature = again.publish().files().stream().filter(f -> f.name().endsWith(".asc")).findFirst().orElseThrow();
        assertThat(signature.outcome()).isEqualTo(Outcome.SKIPPED_IDENTICAL);
        assertThat(signature.message()).contains("verifies");
        assertThat(Files.readAllBytes(out.resolve("release_v2.1.0_checksums.txt.asc"))).isEqualTo(later);
    }

    @Test
    void secretsAppearNowhere() throws Exception {
        Path out = temp.resolve("release");
        publish(fixture.request(out.toString()).build());
        String report = Files.readString(fixture.reportPath.resolveSibling("publish-report.json"));
        assertThat(report).doesNotContain(ReleaseFixture.PASSPHRASE);
        assertThat(String.join("\n", log.lines())).doesNotContain(ReleaseFixture.PASSPHRASE);
    }

    @Test
    void everyKeyProblemIsOneLineNamingItAndNothingIsPublished() throws Exception {
        Gpg gpg = fixture.gpg;
        String expired = gpg.generate("Old Key <old@example.com>", "pw-old-1", "1d", "--faked-system-time", "20200101T000000");
        String revoked = gpg.generate("Revoked Key <revoked@example.com>", "pw-rev-1", "never");
        gpg.revoke(revoked);
        Map<String, byte[]> keys = Map.of("expired.asc", gpg.exportSecret(expired, "pw-old-1"), "revoked.asc", gpg.exportSecret(revoked, "pw-rev-1"),
                "public.asc", gpg.exportPublic(fixture.fingerprint), "garbage.asc", "not a key".getBytes());
        for (var key : keys.entrySet()) {
            Files.write(temp.resolve(key.getKey()), key.getValue());
        }
        String release = fixture.secretKey.toString();
        Map<String, PublishRequest.Builder> cases = new java.util.LinkedHashMap<>();
        Path out = temp.resolve("release");
        cases.put("wrong passphrase for OpenPGP key " + release, fixture.request(out.toString()).signKey(release, Secret.of("not-it-9")));
        cases.put("is protected by a passphrase and none was given", fixture.request(out.toString()).signKey(release, null));
        cases.put("is a public key; signing needs the secret key", fixture.request(out.toString()).signKey(temp.resolve("public.asc").toString(), null));
        cases.put("cannot sign: key " + expired + " expired on 2020-01-02", fixture.request(out.toString())
                .signKey(temp.resolve("expired.asc").toString(), Secret.of("pw-old-1")));
        cases.put("cannot sign: key " + revoked + " is revoked", fixture.request(out.toString())
                .signKey(temp.resolve("revoked.asc").toString(), Secret.of("pw-rev-1")));
        cases.put("holds no key", fixture.request(out.toString()).signKey(temp.resolve("garbage.asc").toString(), null));
        cases.put("does not exist", fixture.request(out.toString()).signKey(temp.resolve("missing.asc").toString(), null));
        for (var c : cases.entrySet()) {
            assertThatThrownBy(() -> publish(c.getValue().build())).as(c.getKey()).isInstanceOf(UsageException.class)
                    .hasMessageContaining(c.getKey()).satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n", "not-it-9", "pw-"));
        }
        assertThat(out).doesNotExist();
    }

    @Test
    void aWrongCosignPasswordIsOneLineAndNothingIsPublished() throws Exception {
        Path keys = temp.resolve("keys");
        fixture.cosignKeys(keys);
        Path out = temp.resolve("release");
        assertThatThrownBy(() -> publish(fixture.request(out.toString()).cosignKey(keys.resolve("cosign.key").toString(),
                Secret.of("not-the-password")).build())).isInstanceOf(UsageException.class)
                .hasMessage("wrong passphrase for cosign key " + keys.resolve("cosign.key"));
        assertThatThrownBy(() -> publish(fixture.request(out.toString()).cosignKey(fixture.secretKey.toString(), Secret.of("x")).build()))
                .isInstanceOf(UsageException.class).hasMessageContaining("is not a cosign private key");
        assertThat(out).doesNotExist();
    }

    @Test
    void reportsOfSeveralMatrixCellsMakeOneReleaseAndDisagreeingCellsAreRefused() throws Exception {
        Path cell = temp.resolve("cell-darwin");
        BuildReport darwin = new io.gobuild.engine.GoBuildEngine(io.gobuild.engine.support.GoTestSupport.host(fixture.app,
                ReleaseFixture.environment(new io.gobuild.engine.support.ModuleProxy(fixture.root.resolve("proxy")))), log)
                .build(io.gobuild.engine.request.BuildRequest.builder().moduleDir(fixture.app.toString()).targets(List.of("darwin/arm64"))
                        .version("v2.1.0").commit("0123456789abcdef0123456789abcdef01234567").out(cell.toString()).goflags("-modcacherw")
                        .build());
        Path out = temp.resolve("release");
        BuildReport merged = publish(fixture.request(out.toString())
                .reports(List.of(fixture.reportPath.toString(), darwin.request().report())).build());

        assertThat(merged.status()).as(merged.message()).isEqualTo(RunStatus.SUCCESS);
        assertThat(out.toFile().list()).contains("release_v2.1.0_linux_amd64.tar.gz", "release_v2.1.0_windows_amd64.zip",
                "release_v2.1.0_darwin_arm64.tar.gz");
        assertThat(merged.publish().fromReports()).hasSize(2);

        BuildReport other = new io.gobuild.engine.GoBuildEngine(io.gobuild.engine.support.GoTestSupport.host(fixture.app,
                ReleaseFixture.environment(new io.gobuild.engine.support.ModuleProxy(fixture.root.resolve("proxy")))), log)
                .build(io.gobuild.engine.request.BuildRequest.builder().moduleDir(fixture.app.toString()).targets(List.of("darwin/arm64"))
                        .version("v9.9.9").out(temp.resolve("cell-other").toString()).goflags("-modcacherw").build());
        assertThatThrownBy(() -> publish(fixture.request(temp.resolve("mixed").toString())
                .reports(List.of(fixture.reportPath.toString(), other.request().report())).build()))
                .isInstanceOf(UsageException.class).hasMessageContaining("are of different versions (v2.1.0, v9.9.9)");
    }
}
