package io.gobuild.engine.explain;

import io.gobuild.engine.port.Sha256;
import io.gobuild.engine.support.GoTestSupport;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The explain fixture's module with a second command, built by plain go commands (not gobuild) on
 * the suite's warm build cache, for the tests that compare a derived trace with go's own.
 */
final class RawGoModule {
    final Path temp;
    final Path dir;
    final String path;
    final Map<String, String> env;

    RawGoModule(Path temp, String pathPrefix) {
        this.temp = temp;
        this.dir = temp.resolve("m");
        // A path of its own per run: the shared build cache must not already hold what the test changes.
        this.path = pathPrefix + Long.toHexString(System.nanoTime());
        ExplainFixture.writeModule(dir, path);
        GoTestSupport.write(dir.resolve("cmd/other/main.go"), "package main\n\nimport \"" + path
                + "/internal/leaf\"\n\nfunc main() { println(leaf.Name()) }\n");
        env = new HashMap<>(GoTestSupport.environment());
        env.put("GOCACHE", GoTestSupport.warmGoCache().resolve("xdg/gobuild/go-build").toString());
        env.put("CGO_ENABLED", "0");
        env.put("GOTOOLCHAIN", "local");
    }

    /** Where the module's packages are, as the explainer maps them. */
    DerivedTrace.PackageDirectories directories() {
        return p -> p.equals(path) ? dir.toString()
                : p.startsWith(path + "/") ? dir.resolve(p.substring(path.length() + 1)).toString() : null;
    }

    static DerivedTrace.Hasher hasher() {
        return paths -> {
            Map<String, String> hashes = new LinkedHashMap<>();
            for (String file : paths) {
                hashes.put(file, Sha256.of(Files.readAllBytes(Path.of(file))));
            }
            return hashes;
        };
    }

    /** The packages of this module that `go build -v` named in its output. */
    List<String> compiled(String stderr) {
        return stderr.lines().filter(l -> l.startsWith(path)).toList();
    }

    /** The same build of both commands, a no-op now, traced as go prints it. */
    HashTrace traced(String... flags) throws Exception {
        List<String> args = new ArrayList<>(List.of("build", "-trimpath"));
        args.addAll(List.of(flags));
        args.addAll(List.of("-o", temp.resolve("out").toString() + "/", "./cmd/..."));
        go(args, Map.of("GODEBUG", "gocachehash=1"));
        try (InputStream in = Files.newInputStream(temp.resolve("stderr.txt"))) {
            return new HashTraceReader().process(in);
        }
    }

    /** Runs go in the module and returns its stderr, then its stdout; fails the test on a non-zero exit. */
    String go(List<String> args, Map<String, String> extra) throws IOException, InterruptedException {
        List<String> argv = new ArrayList<>(List.of("go"));
        argv.addAll(args);
        Path stderr = temp.resolve("stderr.txt");
        Path stdout = temp.resolve("stdout.txt");
        ProcessBuilder builder = new ProcessBuilder(argv).directory(dir.toFile()).redirectError(stderr.toFile())
                .redirectOutput(stdout.toFile());
        builder.environment().clear();
        builder.environment().putAll(env);
        builder.environment().putAll(extra);
        int exit = builder.start().waitFor();
        String text = Files.readString(stderr);
        assertThat(exit).as(text).isZero();
        return text + Files.readString(stdout);
    }
}
