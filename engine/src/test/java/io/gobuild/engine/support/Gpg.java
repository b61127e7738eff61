package io.gobuild.engine.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The real gpg with a keyring of the test's own (GNUPGHOME in a temporary directory). */
public final class Gpg {
    private final Path home;

    public Gpg(Path home) throws IOException {
        this.home = home;
        Files.createDirectories(home);
        Files.setPosixFilePermissions(home, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
    }

    /** Makes a signing key and returns its fingerprint; extra arguments go before the command (--faked-system-time). */
    public String generate(String uid, String passphrase, String expire, String... before) throws IOException, InterruptedException {
        List<String> args = new ArrayList<>(List.of(before));
        args.addAll(List.of("--passphrase", passphrase, "--quick-gen-key", uid, "ed25519", "sign", expire));
        run(args.toArray(String[]::new));
        String listing = run("--with-colons", "--list-secret-keys", uid);
        return listing.lines().filter(l -> l.startsWith("fpr:")).findFirst().orElseThrow().split(":")[9];
    }

    public byte[] exportSecret(String fingerprint, String passphrase) throws IOException, InterruptedException {
        return run("--passphrase", passphrase, "--armor", "--export-secret-keys", fingerprint).getBytes(StandardCharsets.US_ASCII);
    }

    public byte[] exportPublic(String fingerprint) throws IOException, InterruptedException {
        return run("--armor", "--export", fingerprint).getBytes(StandardCharsets.US_ASCII);
    }

    /** Imports the revocation certificate gpg made with the key, so the key is revoked. */
    public void revoke(String fingerprint) throws IOException, InterruptedException {
        Path certificate = home.resolve("openpgp-revocs.d").resolve(fingerprint + ".rev");
        String text = Files.readString(certificate).replace(":-----BEGIN PGP PUBLIC KEY BLOCK-----", "-----BEGIN PGP PUBLIC KEY BLOCK-----");
        Path unlocked = home.resolve(fingerprint + ".rev.asc");
        Files.writeString(unlocked, text);
        run("--import", unlocked.toString());
    }

    /** gpg --verify's exit status and output. */
    public Result verify(Path signature, Path data) throws IOException, InterruptedException {
        return exec("--verify", signature.toString(), data.toString());
    }

    public record Result(int exitCode, String output) {
    }

    private String run(String... args) throws IOException, InterruptedException {
        Result result = exec(args);
        if (result.exitCode() != 0) {
            throw new IOException("gpg " + String.join(" ", args) + " failed: " + result.output());
        }
        return result.output();
    }

    private Result exec(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("gpg", "--batch", "--yes", "--pinentry-mode", "loopback", "--homedir", home.toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.PIPE).start();
        byte[] out = process.getInputStream().readAllBytes();
        byte[] err = process.getErrorStream().readAllBytes();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException("gpg timed out");
        }
        return new Result(process.exitValue(), new String(out, StandardCharsets.UTF_8) + new String(err, StandardCharsets.UTF_8));
    }
}
