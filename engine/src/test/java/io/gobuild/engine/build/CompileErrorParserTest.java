package io.gobuild.engine.build;

import io.gobuild.engine.report.CompileError;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CompileErrorParserTest {
    @Test
    void readsPackageFileLineColumnAndContinuations() {
        List<CompileError> errors = new CompileErrorParser().parse(List.of(
                "# example.com/hello/internal/p",
                "internal/p/p_windows.go:2:23: cannot use \"x\" (untyped string constant) as int value",
                "internal/p/p_windows.go:3:9: undefined: thing",
                "\thave (int)",
                "# example.com/hello/cmd/hello [example.com/hello/cmd/hello.test]",
                "./main.go:7: missing return",
                "go: some other failure"));
        assertThat(errors).containsExactly(
                new CompileError("example.com/hello/internal/p", "internal/p/p_windows.go", 2, 23,
                        "cannot use \"x\" (untyped string constant) as int value"),
                new CompileError("example.com/hello/internal/p", "internal/p/p_windows.go", 3, 9, "undefined: thing\nhave (int)"),
                new CompileError("example.com/hello/cmd/hello", "./main.go", 7, null, "missing return"),
                new CompileError("example.com/hello/cmd/hello", null, null, null, "go: some other failure"));
    }
}
