package io.gobuild.jenkins;

import io.gobuild.engine.support.GoTestSupport;
import org.junit.jupiter.api.Assumptions;

import java.nio.file.Files;
import java.nio.file.Path;

/** What the Pipeline tests share: a real go (or a clear skip), a warm cache home, and a module to write. */
final class GoSteps {
    private GoSteps() {
    }

    static void requireGo() {
        boolean found = java.util.Arrays.stream(System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator))
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, "go")));
        Assumptions.assumeTrue(found, "no go on PATH: the gobuild steps drive the real go command");
    }

    /** The cache home the engine's tests keep warm, so these builds do not recompile the standard library. */
    static String cacheDir() {
        return GoTestSupport.warmGoCache().resolve("xdg/gobuild").toString();
    }

    /** Pipeline steps that write a small module with a Unix-only and a Windows-only file into the workspace. */
    static String writeModule(String goLine) {
        return String.join("\n",
                "writeFile file: 'go.mod', text: 'module example.com/app\\n\\ngo " + goLine + "\\n'",
                "writeFile file: 'main.go', text: 'package main\\n\\nimport \"fmt\"\\n\\nfunc main() { fmt.Println(platform()) }\\n'",
                "writeFile file: 'p_unix.go', text: '//go:build unix\\n\\npackage main\\n\\nfunc platform() string { return \"unix\" }\\n'",
                "writeFile file: 'p_windows.go', text: 'package main\\n\\nfunc platform() string { return \"windows\" }\\n'",
                "");
    }
}
