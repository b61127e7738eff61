package io.gobuild.cli;

import io.gobuild.engine.support.Cosign;
import io.gobuild.engine.support.GoTestSupport;
import io.gobuild.engine.support.Gpg;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class PublishCommandTest {
    private static final String PASSPHRASE = "cli-passphrase-2931";
    @TempDir
    Path temp;
    private Path module;
    private Path key;
    private Map<String, String> env;

    @BeforeEach
    void setUp() throws Exception {
        module = GoTestSupport.copyExample(temp);
        Gpg gpg = new Gpg(temp.resolve("gnupg"));
        String fingerprint = gpg.generate("CLI Release <cli@example.com>", PASSPHRASE, "never");
        key = temp.resolve("key.asc");
        Files.write(key, gpg.exportSecret(fingerprint, PASSPHRASE));
        env = new HashMap<>(GoTestSupport.environment());
        env.put("RELEASE_PASSPHRASE", PASSPHRASE);
    }

    @Test
    void buildWithPublishThenPublishAgainSkipsAndAConflictExitsOne() throws Exception {
        Path release = temp.resolve("release");
        CliRun built = CliRun.run(module, env, "build", "-t", "linux/amd64,windows/amd64", "--version", "v1.0.0",
                "--publish", release.toString(), "--sign-key", key.toString(), "--passphrase-env", "RELEASE_PASSPHRASE");

        assertThat(built.exitCode()).as(built.err()).isZero();
        assertThat(built.out()).containsPattern("hello_v1.0.0_linux_amd64.tar.gz +UPLOADED")
                .containsPattern("hello_v1.0.0_checksums.txt.asc +UPLOADED").contains("release:  hello v1.0.0 -> " + release);
        assertThat(built.out() + built.err()).doesNotContain(PASSPHRASE);
        assertThat(module.resolve("dist/publish-report.json")).exists();

        Path passphraseFile = temp.resolve("passphrase.txt");
        Files.writeString(passphraseFile, PASSPHRASE + "\n");
        CliRun again = CliRun.run(module, env, "publish", "--from", "dist/build-report.json", "--to", release.toString(),
                "--sign-key", key.toString(), "--passphrase-file", passphraseFile.toString());
        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(again.out()).containsPattern("hello_v1.0.0_windows_amd64.zip +SKIPPED_IDENTICAL");

        Files.writeString(release.resolve("hello_v1.0.0_windows_amd64.zip"), "other");
        CliRun conflict = CliRun.run(module, env, "publish", "--from", "dist/build-report.json", "--to", release.toString(),
                "--sign-key", key.toString(), "--passphrase-env", "RELEASE_PASSPHRASE");
        assertThat(conflict.exitCode()).isEqualTo(1);
        assertThat(conflict.out()).containsPattern("hello_v1.0.0_windows_amd64.zip +FAILED +exists with different content");
    }

    @Test
    void badPublishInputIsAOneLineUsageErrorAndNothingIsBuiltOrPublished() throws Exception {
        Path release = temp.resolve("release");
        CliRun noVariable = CliRun.run(module, env, "build", "-t", "linux/amd64", "--publish", release.toString(),
                "--sign-key", key.toString(), "--passphrase-env", "NOT_SET_ANYWHERE");
        assertThat(noVariable.exitCode()).isEqualTo(2);
        assertThat(noVariable.err().strip()).isEqualTo("gobuild: environment variable NOT_SET_ANYWHERE (--passphrase-env) is not set");
        assertThat(module.resolve("dist")).doesNotExist();

        CliRun noReport = CliRun.run(module, env, "publish", "--from", "nowhere.json", "--to", release.toString());
        assertThat(noReport.exitCode()).isEqualTo(2);
        assertThat(noReport.err().strip()).isEqualTo("gobuild: build report " + module.resolve("nowhere.json") + " does not exist");

        CliRun passphraseArgument = CliRun.run(module, env, "publish", "--from", "x.json", "--to", "out", "--passphrase", PASSPHRASE);
        assertThat(passphraseArgument.exitCode()).isEqualTo(2);

        assertThat(CliRun.run(module, env, "build", "-t", "linux/amd64").exitCode()).isZero();
        CliRun wrong = CliRun.run(module, Map.of("RELEASE_PASSPHRASE", "nope-nope"), "publish", "--from", "dist/build-report.json",
                "--to", release.toString(), "--sign-key", key.toString(), "--passphrase-env", "RELEASE_PASSPHRASE");
        assertThat(wrong.exitCode()).isEqualTo(2);
        assertThat(wrong.err()).contains("gobuild: wrong passphrase for OpenPGP key " + key).doesNotContain("nope-nope");
        CliRun format = CliRun.run(module, env, "publish", "--from", "dist/build-report.json", "--to", release.toString(), "--format", "rar");
        assertThat(format.exitCode()).isEqualTo(2);
        assertThat(format.err().strip()).isEqualTo("gobuild: unknown archive format 'rar'; accepted: auto, tar.gz, zip, binary");
        assertThat(release).doesNotExist();
    }

    @Test
    void cosignSigningFromTheCommandLineVerifiesWithTheRealCosign() throws Exception {
        Cosign cosign = Cosign.require(temp.resolve("cosign-home"));
        Path keys = Files.createDirectories(temp.resolve("keys"));
        cosign.generateKeyPair(keys, "cli-cosign-pw-8");
        env.put("COSIGN_PASSWORD", "cli-cosign-pw-8");
        Path release = temp.resolve("release");
        assertThat(CliRun.run(module, env, "build", "-t", "linux/amd64", "--version", "v1.1.0").exitCode()).isZero();

        CliRun run = CliRun.run(module, env, "publish", "--from", "dist/build-report.json", "--to", release.toString(),
                "--cosign-key", keys.resolve("cosign.key").toString(), "--sign-artifacts");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out() + run.err()).doesNotContain("cli-cosign-pw-8");
        Cosign.Result blob = cosign.verifyBlob(keys.resolve("cosign.pub"), release.resolve("hello_v1.1.0_linux_amd64.tar.gz.sig"),
                release.resolve("hello_v1.1.0_linux_amd64.tar.gz"));
        assertThat(blob.exitCode()).as(blob.output()).isZero();
        Cosign.Result provenance = cosign.verifyAttestation(keys.resolve("cosign.pub"), release.resolve("hello_v1.1.0.intoto.jsonl"),
                release.resolve("hello_v1.1.0_linux_amd64.tar.gz"));
        assertThat(provenance.exitCode()).as(provenance.output()).isZero();
    }
}
