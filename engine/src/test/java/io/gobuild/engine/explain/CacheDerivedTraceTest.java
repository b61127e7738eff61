package io.gobuild.engine.explain;

import io.gobuild.engine.local.LocalFilePort;
import io.gobuild.engine.support.GoTestSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
    private RawGoModule go;

    @BeforeEach
    void module() {
        go = new RawGoModule(temp, "example.com/cached");
    }

    @Test
    void changedContentsAndWhatTheyDragAlongAreDerivedExactlyAsGoTracesThem() throws Exception {
        build();
        BuildHistory history = BuildHistory.empty().with("t0", "r0", traced().actions());

        // A comment: leaf compiles again to the same archive, nothing else moves.
        GoTestSupport.write(go.dir.resolve("internal/leaf/leaf.go"), "package leaf\n\nfunc Name() string { return \"leaf\" }\n\n// more\n");
        List<String> compiled = build();
        Optional<HashTrace> derived = derive(history, compiled);
        assertThat(compiled).containsExactly(go.path + "/internal/leaf");
        assertThat(derived).isPresent();
        assertThat(derived.get().actions()).isEqualTo(traced().actions());
        history = history.with("t1", "r1", derived.get().actions());

        // A new exported function changes leaf's export data: mid and both binaries follow.
        GoTestSupport.write(go.dir.resolve("internal/leaf/leaf.go"),
                "package leaf\n\nfunc Name() string { return \"leaf\" }\n\nfunc Extra() int { return 1 }\n");
        compiled = build();
        derived = derive(history, compiled);
        assertThat(compiled).contains(go.path + "/internal/leaf", go.path + "/internal/mid", go.path + "/cmd/app");
        assertThat(derived).isPresent();
        assertThat(derived.get().actions()).isEqualTo(traced().actions());
        history = history.with("t2", "r2", derived.get().actions());

        // A body-only change in mid, on a history that holds the derived build: still exact.
        GoTestSupport.write(go.dir.resolve("internal/mid/mid.go"), "package mid\n\nimport \"" + go.path
                + "/internal/leaf\"\n\nfunc Greeting() string { return \"hi \" + leaf.Name() }\n");
        compiled = build();
        derived = derive(history, compiled);
        assertThat(compiled).contains(go.path + "/internal/mid").doesNotContain(go.path + "/internal/leaf");
        assertThat(derived).isPresent();
        assertThat(derived.get().actions()).isEqualTo(traced().actions());
        HashTrace beforeRevert = derived.get();
        history = history.with("t3", "r3", derived.get().actions());

        // Back to the state before: go compiles nothing and relinks from its cache; the older record fits.
        GoTestSupport.write(go.dir.resolve("internal/mid/mid.go"), "package mid\n\nimport \"" + go.path
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

        GoTestSupport.write(go.dir.resolve("internal/leaf/more.go"), "package leaf\n\nfunc More() int { return 2 }\n");
        assertThat(derive(history, build())).as("a new file").isEmpty();
        Files.delete(go.dir.resolve("internal/leaf/more.go"));
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
            go.go(List.of("build", "-trimpath", "-ldflags=-s -w", "-o", out + "/", "./cmd/app"), Map.of("GOOS", port[0], "GOARCH", port[1]));
            Path binary = out.resolve("app" + target.getValue());
            String expected = go.go(List.of("tool", "buildid", binary.toString()), Map.of()).strip();
            try (InputStream in = Files.newInputStream(binary)) {
                assertThat(new GoBuildId().process(in)).as(target.getKey()).isEqualTo(expected);
            }
        }
        Path archive = temp.resolve("leaf.a");
        go.go(List.of("build", "-trimpath", "-o", archive.toString(), "./internal/leaf"), Map.of());
        try (InputStream in = Files.newInputStream(archive)) {
            assertThat(new GoBuildId().process(in)).isEqualTo(go.go(List.of("tool", "buildid", archive.toString()), Map.of()).strip());
        }
        try (InputStream in = Files.newInputStream(go.dir.resolve("go.mod"))) {
            assertThat(new GoBuildId().process(in)).isNull();
        }
    }

    /** Builds both commands as gobuild does when only contents changed: no action graph; what -v says compiled. */
    private List<String> build(String... flags) throws Exception {
        List<String> args = new ArrayList<>(List.of("build", "-v", "-trimpath"));
        args.addAll(List.of(flags));
        args.addAll(List.of("-o", temp.resolve("out").toString() + "/", "./cmd/..."));
        return go.compiled(go.go(args, Map.of()));
    }

    private HashTrace traced() throws Exception {
        return go.traced();
    }

    private Optional<HashTrace> derive(BuildHistory history, List<String> compiled) throws Exception {
        Map<String, String> binaries = Map.of(go.path + "/cmd/app", temp.resolve("out/app").toString(),
                go.path + "/cmd/other", temp.resolve("out/other").toString());
        return CacheDerivedTrace.derive(history, compiled, new GoBuildCache(new LocalFilePort(), go.env.get("GOCACHE"), binaries, Map.of()),
                go.directories(), RawGoModule.hasher());
    }
}
