package io.gobuild.engine.explain;

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
 * Differential: what {@link DerivedTrace} rebuilds from go's action graph must be exactly what go
 * prints under GODEBUG=gocachehash=1 for the same state, and it must give up on every change it
 * cannot account for. Real go builds of a small module, on the suite's warm build cache.
 */
class DerivedTraceTest {
    @TempDir
    Path temp;
    private RawGoModule go;

    @BeforeEach
    void module() {
        go = new RawGoModule(temp, "example.com/derived");
    }

    @Test
    void changedSourcesAndEverythingTheyDragAlongAreDerivedExactlyAsGoTracesThem() throws Exception {
        Built first = build();
        HashTrace firstTrace = traced();
        BuildHistory history = BuildHistory.empty().with("t0", "r0", firstTrace.actions());
        // The graph names every traced action with go's short form of the same ID.
        assertThat(first.graph().actions().keySet()).isEqualTo(firstTrace.actions().keySet());
        firstTrace.actions().values().forEach(a ->
                assertThat(DerivedTrace.shortId(a.actionId())).as(a.name()).isEqualTo(first.graph().actions().get(a.name()).actionId()));

        // A new exported function changes leaf's export data: mid and both binaries follow.
        GoTestSupport.write(go.dir.resolve("internal/leaf/leaf.go"),
                "package leaf\n\nfunc Name() string { return \"leaf\" }\n\nfunc Extra() int { return 1 }\n");
        Built changed = build();
        Optional<HashTrace> derived = derive(history, changed);
        HashTrace traced = traced();

        assertThat(changed.compiled()).contains(go.path + "/internal/leaf", go.path + "/internal/mid");
        assertThat(derived).isPresent();
        assertThat(derived.get().actions()).isEqualTo(traced.actions());
        assertThat(derived.get().compiled()).isEqualTo(changed.compiled());

        // A body-only change, on a history that holds the derived build: still exact.
        history = history.with("t1", "r1", derived.get().actions());
        GoTestSupport.write(go.dir.resolve("internal/mid/mid.go"), "package mid\n\nimport \"" + go.path
                + "/internal/leaf\"\n\nfunc Greeting() string { return \"hi \" + leaf.Name() }\n");
        Built bodyOnly = build();
        Optional<HashTrace> again = derive(history, bodyOnly);

        assertThat(bodyOnly.compiled()).contains(go.path + "/internal/mid").doesNotContain(go.path + "/internal/leaf");
        assertThat(again).isPresent();
        assertThat(again.get().actions()).isEqualTo(traced().actions());
    }

    @Test
    void changesBeyondSourceContentAreLeftToTheTrace() throws Exception {
        build();
        BuildHistory history = BuildHistory.empty().with("t0", "r0", traced().actions());

        GoTestSupport.write(go.dir.resolve("internal/leaf/more.go"), "package leaf\n\nfunc More() int { return 2 }\n");
        assertThat(derive(history, build())).as("a new file").isEmpty();
        Files.delete(go.dir.resolve("internal/leaf/more.go"));
        assertThat(derive(history, build())).as("back as recorded").isPresent();

        assertThat(derive(history, build("-gcflags=all=-N"))).as("other gcflags").isEmpty();

        GoTestSupport.write(go.dir.resolve("go.mod"), "module " + go.path + "\n\ngo 1.22\n");
        assertThat(derive(history, build())).as("another go line").isEmpty();
    }

    @Test
    void aNewCommitsBuildInfoAndStampsAreDerivedInAGitCheckout() throws Exception {
        git("init", "-q");
        git("add", "-A");
        git("commit", "-q", "-m", "first");
        Built first = build("-buildvcs=true", "-ldflags=-s -X main.version=" + head());
        assertThat(first.graph().actions()).isNotEmpty();
        BuildHistory history = BuildHistory.empty().with("t0", "r0", traced("-buildvcs=true", "-ldflags=-s -X main.version=" + head()).actions());

        GoTestSupport.write(go.dir.resolve("internal/mid/mid.go"), "package mid\n\nimport \"" + go.path
                + "/internal/leaf\"\n\nfunc Greeting() string { return \"hey \" + leaf.Name() }\n");
        git("commit", "-q", "-am", "second");
        String revision = head();
        String ldflags = "-s -X main.version=" + revision;
        Built second = build("-buildvcs=true", "-ldflags=" + ldflags);
        String time = java.time.Instant.ofEpochSecond(Long.parseLong(git("log", "-1", "--format=%ct").strip())).toString();
        BuildStamps stamps = new BuildStamps(revision, time, false, List.of("-s", "-X", "main.version=" + revision));

        Optional<HashTrace> derived = derive(history, second, stamps);
        HashTrace traced = traced("-buildvcs=true", "-ldflags=" + ldflags);

        assertThat(traced.actions().get("build " + go.path + "/cmd/app").inputs()).as("go stamps the commit")
                .anyMatch(line -> line.startsWith("modinfo") && line.contains(revision));
        assertThat(derive(history, second)).as("without the new stamps").isEmpty();
        String recordedModinfo = history.action(history.builds().get(0), "build " + go.path + "/cmd/app").orElseThrow().inputs().stream()
                .filter(l -> l.startsWith("modinfo")).findFirst().orElseThrow();
        String tracedModinfo = traced.actions().get("build " + go.path + "/cmd/app").inputs().stream()
                .filter(l -> l.startsWith("modinfo")).findFirst().orElseThrow();
        assertThat(stamps.modinfo(recordedModinfo)).isEqualTo(tracedModinfo);
        String tracedLinkflags = traced.actions().get("link " + go.path + "/cmd/app").inputs().stream()
                .filter(l -> l.startsWith("linkflags")).findFirst().orElseThrow();
        assertThat(stamps.linkflags()).isEqualTo(tracedLinkflags);
        assertThat(derived).isPresent();
        assertThat(derived.get().actions()).isEqualTo(traced.actions());
    }

    private String git(String... args) throws Exception {
        List<String> argv = new ArrayList<>(List.of("git", "-c", "user.name=gobuild", "-c", "user.email=gobuild@example.com"));
        argv.addAll(List.of(args));
        Process process = new ProcessBuilder(argv).directory(go.dir.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor()).as(output).isZero();
        return output;
    }

    private String head() throws Exception {
        return git("rev-parse", "HEAD").strip();
    }

    private record Built(ActionGraph graph, List<String> compiled) {
    }

    private Built build(String... flags) throws Exception {
        Path graphFile = temp.resolve("actions.json");
        List<String> args = new ArrayList<>(List.of("build", "-v", "-trimpath", "-debug-actiongraph=" + graphFile));
        args.addAll(List.of(flags));
        args.addAll(List.of("-o", temp.resolve("out").toString() + "/", "./cmd/..."));
        String stderr = go.go(args, Map.of());
        ActionGraph graph;
        try (InputStream in = Files.newInputStream(graphFile)) {
            graph = new ActionGraphReader().process(in);
        }
        return new Built(graph, go.compiled(stderr));
    }

    private HashTrace traced(String... flags) throws Exception {
        return go.traced(flags);
    }

    private Optional<HashTrace> derive(BuildHistory history, Built built) throws Exception {
        return derive(history, built, null);
    }

    private Optional<HashTrace> derive(BuildHistory history, Built built, BuildStamps stamps) throws Exception {
        return DerivedTrace.derive(history, built.graph(), built.compiled(), go.directories(), RawGoModule.hasher(), stamps);
    }
}
