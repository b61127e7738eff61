package io.gobuild.engine.port;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class GoFileHeaderTest {
    private static String header(String file) {
        byte[] bytes = file.getBytes(StandardCharsets.UTF_8);
        int length = GoFileHeader.length(bytes, bytes.length, true);
        return new String(bytes, 0, length, StandardCharsets.UTF_8);
    }

    @Test
    void theHeaderEndsWhereTheFirstTopLevelDeclarationStarts() {
        assertThat(header("//go:build linux\n\npackage p\n\nimport \"fmt\"\n\nfunc F() { fmt.Println() }\n"))
                .isEqualTo("//go:build linux\n\npackage p\n\nimport \"fmt\"\n\n");
        assertThat(header("package p\n\nimport (\n\t\"os\"\n\tx \"example.com/func\"\n)\n\nvar v = 1\n"))
                .endsWith(")\n\n");
        assertThat(header("package p\n\ntype T int\n")).isEqualTo("package p\n\n");
        assertThat(header("package p\nconst c = 1\n")).isEqualTo("package p\n");
    }

    @Test
    void commentsAndStringsThatLookLikeDeclarationsDoNotEndIt() {
        String cgo = "package p\n\n/*\nfunc notGo() {}\n#cgo LDFLAGS: -lm\n*/\nimport \"C\"\n\nfunc F() {}\n";
        assertThat(header(cgo)).contains("import \"C\"").doesNotContain("func F");
        String lineComment = "package p // func in a comment\n\nimport `os`\n\nvar _ = os.Args\n";
        assertThat(header(lineComment)).contains("import `os`").doesNotContain("var _");
        assertThat(header("package functional\n\nfunc F() {}\n")).isEqualTo("package functional\n\n");
    }

    @Test
    void aFileThatEmbedsCountsWholeAndOneWithoutDeclarationsToo() {
        String embeds = "package p\n\nimport _ \"embed\"\n\n//go:embed a.txt\nvar a string\n";
        assertThat(header(embeds)).isEqualTo(embeds);
        assertThat(header("// Package p is documented here.\npackage p\n")).isEqualTo("// Package p is documented here.\npackage p\n");
    }

    @Test
    void aStartThatMayEndInsideTheHeaderAsksForMore() {
        byte[] file = "package p\n\nimport \"os\"\n\nfunc F() {}\n".getBytes(StandardCharsets.UTF_8);
        assertThat(GoFileHeader.length(file, 14, false)).isEqualTo(-1);
        assertThat(GoFileHeader.length(file, 24, false)).as("ends just before func").isEqualTo(-1);
        assertThat(GoFileHeader.length(file, 26, false)).as("ends in the middle of the word func").isEqualTo(-1);
        assertThat(GoFileHeader.length(file, file.length, false)).isEqualTo(24);
    }
}
