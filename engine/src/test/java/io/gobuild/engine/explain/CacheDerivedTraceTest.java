package io.gobuild.engine.explain;

import io.gobuild.engine.local.LocalFilePort;
import io.gobuild.engine.port.Sha256;
import io.gobuild.engine.support.GoTestSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Differential: what {@link CacheDerivedTrace} rebuilds from a recorded build, go's build cache
 * and the binaries of a build that ran without its action graph must be exactly what go prints
 * under GODEBUG=gocachehash=1 for the same state, or nothing. Real go builds of a small module,
 * on the suite's warm build cache.
 */
class CacheDerivedTraceTest {
    @TempDir
    Path temp;
    private Path module;
    private String modulePath;
    private Map<String, String> env;

    @BeforeEach
    void module() {
        module = temp.resolve("m");
        // A path of its own per run: the shared build cache must not already hold what the test changes.
        modulePath = "example.com/cached" + Long.toHexString(System.nanoTime());
        ExplainFixture.writeModule(module, modulePath);
        GoTestSupport.write(module.resolve("cmd/other/main.go"), "package main\n\nimport \"" + modulePath
                + "/internal/leaf\"\n\nfunc main() { println(leaf.Name()) }\n");
        env = new HashMap<>(GoTestSupport.environment());
        env.put("GOCACHE", GoTestSupport.warmGoCache().resolve("xdg/gobuild/go-build").toString());
        env.put("CGO_ENABLED", "0");
        env.put("GOTOOLCHAIN", "local");
    }

    @Test
    void changedContentsAndWhatTheyDragAlongAreDerivedExactlyAsGoTracesThem() throws Exception {
        build();
        BuildHistory history = BuildHistory.empty().with("t0", "r0", traced().actions());

        // A comment: leaf compiles again to the same archive, nothing else moves.
        GoTestSupport.write(module.resolve("internal/leaf/leaf.go"), "package leaf\n\nfunc Name() string { return \"leaf\" }\n\n// more\n");
        List<String> compiled = build();
        Optional<HashTrace> derived = derive(history, compiled);
        assertThat(compiled).containsExactly(modulePath + "/internal/leaf");
        assertThat(derived).isPresent();
        assertThat(derived.get().actions()).isEqualTo(traced().actions());
        history = history.with("t1", "r1", derived.get().actions());

        // A new exported function changes leaf's export data: mid and both binaries follow.
        GoTestSupport.write(module.resolve("internal/leaf/leaf.go"),
                "package leaf\n\nfunc Name() string { return \"leaf\" }\n\nfunc Extra() int { return 1 }\n");
        compiled = build();
        derived = derive(history, compiled);
        assertThat(compiled).contains(modulePath + "/internal/leaf", modulePath + "/internal/mid", modulePath + "/cmd/app");
        assertThat(derived).isPresent();
        assertThat(derived.get().actions()).isEqualTo(traced().actions());
        history = history.with("t2", "r2", derived.get().actions());

        // A body-only change in mid, on a history that holds the derived build: still exact.
        GoTestSupport.write(module.resolve("internal/mid/mid.go"), "package mid\n\nimport \"" + modulePath
                + "/internal/leaf\"\n\nfunc Greeting() string { return \"hi \" + leaf.Name() }\n");
        compiled = build();
        derived = derive(history, compiled);
        assertThat(compiled).contains(modulePath + "/internal/mid").doesNotContain(modulePath + "/internal/leaf");
        assertThat(derived).isPresent();
        assertThat(derived.get().actions()).isEqualTo(traced().actions());
        HashTrace beforeRevert = derived.get();
        history = history.with("t3", "r3", derived.get().actions());

        // Back to the state before: go compiles nothing and relinks from its cache; the older record fits.
        GoTestSupport.write(module.resolve("internal/mid/mid.go"), "package mid\n\nimport \"" + modulePath
                + "/internal/leaf\"\n\nfunc Greeting() string { return \"hello \" + leaf.Name() }\n");
        compiled = build();
        derived = derive(history, compiled);
        assertThat(compiled).isEmpty();
        assertThat(derived).isPresent();
        assertThat(derived.get().actions()).isEqualTo(traced().actions()).isNotEqualTo(beforeRevert.actions());
    }

    @Test
    void whatContentsAloneDoNotExplainGivesNothing() throws Exception {
        build();
        BuildHistory history = BuildHistory.empty().with("t0", "r0", traced().actions());

        GoTestSupport.write(module.resolve("internal/leaf/more.go"), "package leaf\n\nfunc More() int { return 2 }\n");
        assertThat(derive(history, build())).as("a new file").isEmpty();
        Files.delete(module.resolve("internal/leaf/more.go"));
        assertThat(derive(history, build())).as("back as recorded").isPresent();

        assertThat(derive(history, build("-gcflags=-N"))).as("other gcflags").isEmpty();
        assertThat(derive(history, build())).as("as recorded again").isPresent();

        Files.delete(temp.resolve("out/other"));
        assertThat(derive(history, List.of())).as("a binary missing").isEmpty();
    }

    @Test
    void theBuildIdOfEveryKindOfBinaryAndArchiveIsReadAsGoReadsIt() throws Exception {
        Map<String, String> targets = Map.of("linux/amd64", "", "windows/amd64", ".exe", "darwin/arm64", "");
        for (Map.Entry<String, String> target : targets.entrySet()) {
            String[] port = target.getKey().split("/");
            Path out = temp.resolve(port[0] + "_" + port[1]);
            go(List.of("build", "-trimpath", "-ldflags=-s -w", "-o", out + "/", "./cmd/app"), Map.of("GOOS", port[0], "GOARCH", port[1]));
            Path binary = out.resolve("app" + target.getValue());
            String expected = go(List.of("tool", "buildid", binary.toString()), Map.of()).strip();
            try (InputStream in = Files.newInputStream(binary)) {
                assertThat(new GoBuildId().process(in)).as(target.getKey()).isEqualTo(expected);
            }
        }
        Path archive = temp.resolve("leaf.a");
        go(List.of("build", "-trimpath", "-o", archive.toString(), "./internal/leaf"), Map.of());
        try (InputStream in = Files.newInputStream(archive)) {
            assertThat(new GoBuildId().process(in)).isEqualTo(go(List.of("tool", "buildid", archive.toString()), Map.of()).strip());
        }
        try (InputStream in = Files.newInputStream(module.resolve("go.mod"))) {
            assertThat(new GoBuildId().process(in)).isNull();
        }
    }

    /** Builds both commands as gobuild does when only contents changed: no action graph; what -v says compiled. */
    private List<String> build(String... flags) throws Exception {
        List<String> args = new ArrayList<>(List.of("build", "-v", "-trimpath"));
        args.addAll(List.of(flags));
        args.addAll(List.of("-o", temp.resolve("out").toString() + "/", "./cmd/..."));
        String stderr = go(args, Map.of());
        return stderr.lines().filter(l -> l.startsWith(modulePath)).toList();
    }

    /** The same build, a no-op now, traced as go prints it. */
    private HashTrace traced() throws Exception {
        go(List.of("build", "-trimpath", "-o", temp.resolve("out").toString() + "/", "./cmd/..."), Map.of("GODEBUG", "gocachehash=1"));
        try (InputStream in = Files.newInputStream(temp.resolve("stderr.txt"))) {
            return new HashTraceReader().process(in);
        }
    }

    private Optional<HashTrace> derive(BuildHistory history, List<String> compiled) throws Exception {
        Map<String, String> binaries = Map.of(modulePath + "/cmd/app", temp.resolve("out/app").toString(),
                modulePath + "/cmd/other", temp.resolve("out/other").toString());
        return CacheDerivedTrace.derive(history, compiled, new GoBuildCache(new LocalFilePort(), env.get("GOCACHE"), binaries, Map.of()),
                p -> p.equals(modulePath) ? module.toString()
                        : p.startsWith(modulePath + "/") ? module.resolve(p.substring(modulePath.length() + 1)).toString() : null,
                paths -> {
                    Map<String, String> hashes = new LinkedHashMap<>();
                    for (String path : paths) {
                        hashes.put(path, Sha256.of(Files.readAllBytes(Path.of(path))));
                    }
                    return hashes;
                });
    }

    private String go(List<String> args, Map<String, String> extra) throws IOException, InterruptedException {
        List<String> argv = new ArrayList<>(List.of("go"));
        argv.addAll(args);
        Path stderr = temp.resolve("stderr.txt");
        Path stdout = temp.resolve("stdout.txt");
        ProcessBuilder builder = new ProcessBuilder(argv).directory(module.toFile()).redirectError(stderr.toFile())
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
