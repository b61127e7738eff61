package io.gobuild.engine.publish;

import io.gobuild.engine.GoBuildEngine;
import io.gobuild.engine.report.BuildReport;
import io.gobuild.engine.request.BuildRequest;
import io.gobuild.engine.secret.Secret;
import io.gobuild.engine.support.Cosign;
import io.gobuild.engine.support.GoCommand;
import io.gobuild.engine.support.GoTestSupport;
import io.gobuild.engine.support.Gpg;
import io.gobuild.engine.support.ModuleProxy;
import io.gobuild.engine.support.RecordingLog;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A real build to publish: a module that links one dependency into its binary and requires
 * another that only a library package uses (so go.sum lists more than the binary holds), built
 * for linux/amd64 and windows/amd64; a gpg keyring with a release key; and, where cosign is
 * installed, a cosign key pair.
 */
final class ReleaseFixture {
    static final String PASSPHRASE = "correct horse battery staple";
    static final String COSIGN_PASSWORD = "cosign-pw-7381";
    static final String EPOCH = "1767225600";
    final Path root;
    final Path app;
    final Path reportPath;
    final BuildReport build;
    final Gpg gpg;
    final String fingerprint;
    final Path secretKey;

    ReleaseFixture(Path root) throws Exception {
        this.root = root;
        ModuleProxy proxy = new ModuleProxy(root.resolve("proxy"))
                .publish("example.com/publinked", "v1.0.0", Map.of("linked.go", "package publinked\n\nfunc Hello() string { return \"hi\" }\n"))
                .publish("example.com/pubextra", "v1.2.0", Map.of("extra.go", "package pubextra\n\nconst X = 1\n"));
        app = root.resolve("app");
        Map<String, String> env = environment(proxy);
        GoTestSupport.write(app.resolve("go.mod"), "module example.com/release/v2\n\ngo 1.21\n");
        GoTestSupport.write(app.resolve("main.go"), "package main\n\nimport (\n\t\"fmt\"\n\n\t\"example.com/publinked\"\n)\n\n"
                + "func main() { fmt.Println(publinked.Hello()) }\n");
        GoTestSupport.write(app.resolve("lib/lib.go"), "package lib\n\nimport \"example.com/pubextra\"\n\nconst Y = pubextra.X\n");
        GoTestSupport.write(app.resolve("LICENSE"), "MIT License\n");
        Map<String, String> setup = new HashMap<>(env);
        setup.put("GOFLAGS", "-modcacherw");
        GoCommand.run(app, setup, "mod", "tidy");
        build = new GoBuildEngine(GoTestSupport.host(app, env), new RecordingLog()).build(BuildRequest.builder()
                .moduleDir(app.toString()).targets(List.of("linux/amd64", "windows/amd64")).version("v2.1.0").commit("0123456789abcdef0123456789abcdef01234567")
                .goflags("-modcacherw").build());
        if (build.status() != BuildReport.RunStatus.SUCCESS) {
            throw new IllegalStateException("fixture build failed: " + build.message());
        }
        reportPath = Path.of(build.request().report());
        gpg = new Gpg(root.resolve("gnupg"));
        // Made before SOURCE_DATE_EPOCH, so signatures carry that time.
        fingerprint = gpg.generate("Release Key <release@example.com>", PASSPHRASE, "never", "--faked-system-time", "20250101T000000");
        secretKey = root.resolve("release-key.asc");
        Files.write(secretKey, gpg.exportSecret(fingerprint, PASSPHRASE));
    }

    static Map<String, String> environment(ModuleProxy proxy) {
        Map<String, String> env = new HashMap<>(GoTestSupport.environment());
        env.put("GOPROXY", proxy.url());
        env.put("GONOSUMDB", "example.com");
        env.put("GOSUMDB", "off");
        return env;
    }

    /** A cosign key pair in dir (made by the real cosign), or the test is skipped where cosign is missing. */
    Cosign cosignKeys(Path dir) throws Exception {
        Cosign cosign = Cosign.require(root.resolve("cosign-home"));
        if (!Files.exists(dir.resolve("cosign.key"))) {
            Files.createDirectories(dir);
            cosign.generateKeyPair(dir, COSIGN_PASSWORD);
        }
        return cosign;
    }

    /** Each published file's outcome, by name. */
    static Map<String, io.gobuild.engine.report.PublishReport.Outcome> outcomes(BuildReport report) {
        Map<String, io.gobuild.engine.report.PublishReport.Outcome> outcomes = new java.util.TreeMap<>();
        report.publish().files().forEach(f -> outcomes.put(f.name(), f.outcome()));
        return outcomes;
    }

    /** A publish of the fixture's build, signed with the release key, with a fixed SOURCE_DATE_EPOCH. */
    PublishRequest.Builder request(String destination) {
        return PublishRequest.builder().reports(List.of(reportPath.toString())).destination(destination)
                .workingDirectory(root.toString()).environment(Map.of("SOURCE_DATE_EPOCH", EPOCH))
                .signKey(secretKey.toString(), Secret.of(PASSPHRASE)).extraFiles(List.of("LICENSE")).retries(3, 10);
    }
}
