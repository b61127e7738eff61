package io.gobuild.engine.explain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gobuild.engine.GoBuildEngine;
import io.gobuild.engine.local.LocalCommandPort;
import io.gobuild.engine.local.LocalFilePort;
import io.gobuild.engine.report.BuildReport;
import io.gobuild.engine.report.Finding;
import io.gobuild.engine.report.Finding.FindingKind;
import io.gobuild.engine.report.SkippedFile;
import io.gobuild.engine.report.TargetResult;
import io.gobuild.engine.request.BuildRequest;
import io.gobuild.engine.support.GoCommand;
import io.gobuild.engine.support.GoTestSupport;
import io.gobuild.engine.support.RecordingLog;
import io.gobuild.engine.toolchain.GoInvocation;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/** The build-tag helper against the go command's own `go list`, file by file, on many constraint forms and targets. */
class BuildTagSkipsTest {
    private static final List<Map<String, String>> TARGETS = List.of(
            Map.of("GOOS", "linux", "GOARCH", "amd64", "CGO_ENABLED", "0"),
            Map.of("GOOS", "linux", "GOARCH", "amd64", "CGO_ENABLED", "1"),
            Map.of("GOOS", "windows", "GOARCH", "amd64", "CGO_ENABLED", "0"),
            Map.of("GOOS", "darwin", "GOARCH", "arm64", "CGO_ENABLED", "0"),
            Map.of("GOOS", "linux", "GOARCH", "arm", "CGO_ENABLED", "0"),
            Map.of("GOOS", "android", "GOARCH", "arm64", "CGO_ENABLED", "0"),
            Map.of("GOOS", "js", "GOARCH", "wasm", "CGO_ENABLED", "0"));
    @TempDir
    Path temp;
    private Path module;

    @BeforeEach
    void fixture() {
        module = temp.resolve("m");
        Map<String, String> files = new TreeMap<>(Map.ofEntries(
                Map.entry("go.mod", "module example.com/tags\n\ngo 1.21\n"),
                Map.entry("cmd/tool/main.go", "package main\n\nimport _ \"example.com/tags/p\"\n\nfunc main() {}\n"),
                Map.entry("p/a.go", "package p\n"),
                Map.entry("p/b_linux.go", "package p\n"),
                Map.entry("p/c_windows.go", "package p\n"),
                Map.entry("p/d_arm64.go", "package p\n"),
                Map.entry("p/e_linux_amd64.go", "package p\n"),
                Map.entry("p/f_darwin_arm64.go", "package p\n"),
                Map.entry("p/g.go", "//go:build cgo && linux\n\npackage p\n"),
                Map.entry("p/h.go", "//go:build !windows\n\npackage p\n"),
                Map.entry("p/i.go", "//go:build (linux || darwin) && !arm\n\npackage p\n"),
                Map.entry("p/j.go", "// +build linux,amd64 darwin\n\npackage p\n"),
                Map.entry("p/k.go", "//go:build linux\n// +build windows\n\npackage p\n"),
                Map.entry("p/l.go", "package p\n\nimport \"C\"\n"),
                Map.entry("p/m.go", "//go:build go1.99\n\npackage p\n"),
                Map.entry("p/n.go", "//go:build customtag\n\npackage p\n"),
                Map.entry("p/o.go", "//go:build unix\n\npackage p\n"),
                Map.entry("p/q.go", "//go:build ignore\n\npackage p\n"),
                Map.entry("p/r_android.go", "package p\n"),
                Map.entry("p/s_ios.go", "package p\n"),
                Map.entry("p/t.go", "//go:build linux && extra\n\npackage p\n"),
                Map.entry("plan9only/z_plan9.go", "package plan9only\n")));
        files.forEach((name, content) -> GoTestSupport.write(module.resolve(name), content));
    }

    @Test
    void theHelperAgreesWithGoListOnEveryFileOfEveryTarget() throws Exception {
        Map<String, String> base = new HashMap<>(GoTestSupport.environment());
        base.put("GOFLAGS", "");
        base.put("GOTOOLCHAIN", "local");
        BuildTagSkips skips = new BuildTagSkips(new LocalCommandPort(), new LocalFilePort(), temp.resolve("tools").toString());
        GoInvocation go = new GoInvocation(new LocalCommandPort(), "go", base);
        String version = go.run(module.toString(), "env", "GOVERSION").stdout().strip();
        String helper = skips.helper(go, version, () -> { });
        List<String> os = List.of("aix", "android", "darwin", "dragonfly", "freebsd", "illumos", "ios", "js", "linux", "netbsd",
                "openbsd", "plan9", "solaris", "wasip1", "windows");
        List<String> arch = List.of("386", "amd64", "arm", "arm64", "loong64", "mips", "mips64", "mips64le", "mipsle", "ppc64",
                "ppc64le", "riscv64", "s390x", "wasm");
        int compared = 0;
        for (List<String> tags : List.of(List.<String>of(), List.of("extra"))) {
            for (Map<String, String> target : TARGETS) {
                Map<String, String> env = new HashMap<>(base);
                env.putAll(target);
                Map<String, String> expected = goList(env, tags);
                Map<String, String> actual = new TreeMap<>();
                for (FileVerdict v : skips.verdicts(helper, module.toString(), env, tags, os, arch)) {
                    actual.put(v.packagePath() + "/" + v.file(), v.invalid() ? "invalid" : v.included() ? "included" : "ignored");
                }
                // go list ./... leaves out packages with no file to build; the helper reports their files as ignored.
                Map<String, String> listed = new TreeMap<>(actual);
                listed.keySet().removeIf(k -> expected.keySet().stream().noneMatch(e -> parent(e).equals(parent(k))));
                assertThat(listed).as(target + " tags " + tags).isEqualTo(expected);
                actual.forEach((file, verdict) -> {
                    if (!listed.containsKey(file)) {
                        assertThat(verdict).as(file).isEqualTo("ignored");
                    }
                });
                compared += actual.size();
            }
        }
        assertThat(compared).isGreaterThan(250);
    }

    private static String parent(String file) {
        return file.substring(0, file.lastIndexOf('/'));
    }

    /** What go list says of each non-test file: GoFiles and CgoFiles are included, IgnoredGoFiles not. */
    private Map<String, String> goList(Map<String, String> env, List<String> tags) throws Exception {
        Map<String, String> verdicts = new TreeMap<>();
        String json = GoCommand.run(module, env, "list", "-e", "-tags=" + String.join(",", tags),
                "-json=ImportPath,GoFiles,CgoFiles,IgnoredGoFiles,InvalidGoFiles", "./...");
        try (MappingIterator<JsonNode> it = new ObjectMapper().readerFor(JsonNode.class).readValues(json)) {
            while (it.hasNext()) {
                JsonNode p = it.next();
                String pkg = p.path("ImportPath").asText();
                p.path("GoFiles").forEach(f -> verdicts.put(pkg + "/" + f.asText(), "included"));
                p.path("CgoFiles").forEach(f -> verdicts.put(pkg + "/" + f.asText(), "included"));
                p.path("IgnoredGoFiles").forEach(f -> verdicts.put(pkg + "/" + f.asText(), "ignored"));
                p.path("InvalidGoFiles").forEach(f -> verdicts.put(pkg + "/" + f.asText(), "invalid"));
            }
        }
        return verdicts;
    }

    @Test
    void theReportNamesEachSkippedFileWithItsReasonAndTheMatrixFindings() throws Exception {
        BuildReport report = new GoBuildEngine(GoTestSupport.host(module), new RecordingLog()).build(BuildRequest.builder()
                .moduleDir(module.toString()).targets(List.of("linux/amd64", "windows/amd64")).verify(false).build());

        TargetResult linux = report.targets().get(0);
        assertThat(skipped(linux, "p/c_windows.go").kind()).isEqualTo("FILENAME");
        assertThat(skipped(linux, "p/c_windows.go").reason()).contains("_windows suffix does not match linux/amd64");
        SkippedFile cgo = skipped(linux, "p/g.go");
        assertThat(cgo.kind()).isEqualTo("CGO");
        assertThat(cgo.decidingTerms()).contains("cgo=false");
        assertThat(skipped(linux, "p/m.go").kind()).isEqualTo("RELEASE_TAG");
        assertThat(skipped(linux, "p/n.go").kind()).isEqualTo("CUSTOM_TAG");
        assertThat(skipped(linux, "p/n.go").decidingTerms()).containsExactly("customtag=false");
        assertThat(skipped(linux, "p/l.go").kind()).isEqualTo("CGO");
        TargetResult windows = report.targets().get(1);
        assertThat(skipped(windows, "p/j.go").kind()).isEqualTo("PLUS_BUILD");
        assertThat(skipped(windows, "p/h.go").decidingTerms()).containsExactly("windows=true");

        assertThat(report.findings()).anySatisfy(f -> {
            assertThat(f.kind()).isEqualTo(FindingKind.FILE_IN_NO_TARGET);
            assertThat(f.file()).isEqualTo("q.go");
        });
        assertThat(report.findings()).filteredOn(f -> f.kind() == FindingKind.PACKAGE_EMPTY_FOR_TARGET)
                .extracting(Finding::packagePath).contains("example.com/tags/plan9only");
        assertThat(report.findings()).filteredOn(f -> f.kind() == FindingKind.BUILD_LINES_DISAGREE).singleElement()
                .satisfies(f -> assertThat(f.targets()).containsExactly("linux/amd64", "windows/amd64"));
    }

    private static SkippedFile skipped(TargetResult target, String file) {
        return target.skippedFiles().stream().filter(s -> (s.packagePath() + "/" + s.file()).endsWith(file)).findFirst()
                .orElseThrow(() -> new AssertionError(file + " not skipped for " + target.target() + ": " + target.skippedFiles()));
    }
}
