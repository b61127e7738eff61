package io.gobuild.engine.explain;

import io.gobuild.engine.support.GoTestSupport;

import java.nio.file.Path;

/** The module the rebuild tests change: cmd/app importing internal/mid importing internal/leaf. */
final class ExplainFixture {
    private ExplainFixture() {
    }

    static Path writeModule(Path dir, String path) {
        GoTestSupport.write(dir.resolve("go.mod"), "module " + path + "\n\ngo 1.21\n");
        GoTestSupport.write(dir.resolve("internal/leaf/leaf.go"), "package leaf\n\nfunc Name() string { return \"leaf\" }\n");
        GoTestSupport.write(dir.resolve("internal/mid/mid.go"), "package mid\n\nimport \"" + path
                + "/internal/leaf\"\n\nfunc Greeting() string { return \"hello \" + leaf.Name() }\n");
        GoTestSupport.write(dir.resolve("cmd/app/main.go"), "package main\n\nimport (\n\t\"fmt\"\n\n\t\"" + path
                + "/internal/mid\"\n)\n\nfunc main() { fmt.Println(mid.Greeting()) }\n");
        return dir;
    }
}
