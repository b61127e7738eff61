package io.gobuild.engine.support;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The real cosign, as `.ci/run` installs it (`go install`, pinned). Where it is missing the tests
 * that need it are skipped, unless GOBUILD_REQUIRE_TOOLS is set (CI), where that is a failure.
 */
public final class Cosign {
    private final Path program;
    private final Path home;

    private Cosign(Path program, Path home) {
        this.program = program;
        this.home = home;
    }

    /** cosign from $COSIGN, PATH or GOPATH/bin, working offline with its state under home. */
    public static Cosign require(Path home) {
        Path found = locate();
        if (found == null) {
            String why = "cosign is not installed (.ci/run installs it with go install)";
            if (System.getenv("GOBUILD_REQUIRE_TOOLS") != null) {
                throw new AssertionError(why);
            }
            Assumptions.abort(why);
        }
        return new Cosign(found, home);
    }

    private static Path locate() {
        List<Path> candidates = new ArrayList<>();
        if (System.getenv("COSIGN") != null) {
            candidates.add(Path.of(System.getenv("COSIGN")));
        }
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            candidates.add(Path.of(dir, "cosign"));
        }
        String gopath = GoCommand.run(GoTestSupport.repositoryRoot(), GoTestSupport.environment(), "env", "GOPATH").strip();
        for (String dir : gopath.split(":")) {
            candidates.add(Path.of(dir, "bin", "cosign"));
        }
        return candidates.stream().filter(Files::isExecutable).findFirst().orElse(null);
    }

    /** cosign generate-key-pair in dir: cosign.key and cosign.pub. */
    public void generateKeyPair(Path dir, String password) throws IOException, InterruptedException {
        Result result = run(dir, Map.of("COSIGN_PASSWORD", password), "generate-key-pair");
        if (result.exitCode() != 0) {
            throw new IOException("cosign generate-key-pair failed: " + result.output());
        }
    }

    public Result verifyBlob(Path publicKey, Path signature, Path blob) throws IOException, InterruptedException {
        return run(blob.getParent(), Map.of(), "verify-blob", "--key", publicKey.toString(), "--signature", signature.toString(),
                "--insecure-ignore-tlog=true", blob.toString());
    }

    public Result verifyAttestation(Path publicKey, Path envelope, Path blob) throws IOException, InterruptedException {
        return run(blob.getParent(), Map.of(), "verify-blob-attestation", "--key", publicKey.toString(), "--signature",
                envelope.toString(), "--type", "slsaprovenance1", "--insecure-ignore-tlog=true", blob.toString());
    }

    /** Exit status and combined output. */
    public record Result(int exitCode, String output) {
    }

    private Result run(Path dir, Map<String, String> env, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(program.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        builder.environment().putAll(env);
        builder.environment().put("HOME", home.toString());
        builder.environment().put("TUF_ROOT", home.resolve("tuf").toString());
        Process process = builder.start();
        byte[] out = process.getInputStream().readAllBytes();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException("cosign timed out");
        }
        return new Result(process.exitValue(), new String(out, StandardCharsets.UTF_8));
    }
}
