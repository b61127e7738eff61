package io.gobuild.engine.matrix;

import io.gobuild.engine.request.UsageException;
import io.gobuild.engine.toolchain.GoVersion;
import io.gobuild.engine.toolchain.Port;
import io.gobuild.engine.toolchain.Toolchain;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MatrixResolverTest {
    private static final Toolchain GO = new Toolchain(GoVersion.parse("go1.26.8").orElseThrow(), "go1.26.8", "go", "/go",
            "linux", "amd64", "local", List.of(
            new Port("darwin", "amd64", true, true), new Port("darwin", "arm64", true, true),
            new Port("linux", "386", true, true), new Port("linux", "amd64", true, true),
            new Port("linux", "arm", true, true), new Port("linux", "arm64", true, true),
            new Port("linux", "riscv64", true, false), new Port("windows", "amd64", true, true),
            new Port("windows", "arm64", true, false), new Port("js", "wasm", false, false)), java.util.Map.of());
    private final MatrixResolver resolver = new MatrixResolver();

    private List<String> resolve(List<String> selectors, List<String> excludes) {
        return resolver.resolve(selectors, excludes, GO).stream().map(Target::id).toList();
    }

    @Test
    void hostIsTheDefault() {
        assertThat(resolve(List.of(), List.of())).containsExactly("linux/amd64");
    }

    @Test
    void firstClassExpandsToTheToolchainsFirstClassPortsInItsOrder() {
        assertThat(resolve(List.of("first-class"), List.of())).containsExactly("darwin/amd64", "darwin/arm64",
                "linux/386", "linux/amd64", "linux/arm", "linux/arm64", "windows/amd64");
    }

    @Test
    void duplicatesCollapseKeepingTheFirstPlace() {
        assertThat(resolve(List.of("windows/amd64", "host", "first-class", "windows/amd64"), List.of()))
                .startsWith("windows/amd64", "linux/amd64", "darwin/amd64").doesNotHaveDuplicates().hasSize(7);
    }

    @Test
    void excludesTakeWildcards() {
        assertThat(resolve(List.of("first-class"), List.of("windows/*", "*/386", "darwin/amd64")))
                .containsExactly("darwin/arm64", "linux/amd64", "linux/arm", "linux/arm64");
    }

    @Test
    void variantsAreKeptAndRenderedInTheId() {
        assertThat(resolve(List.of("linux/arm/7", "linux/amd64/v3", "linux/arm64/v8.2", "linux/amd64"), List.of()))
                .containsExactly("linux/arm/7", "linux/amd64/v3", "linux/arm64/v8.2", "linux/amd64");
        Target arm = resolver.resolve(List.of("linux/arm/7"), List.of(), GO).get(0);
        assertThat(arm.environment()).containsEntry("GOARM", "7").containsEntry("GOOS", "linux");
    }

    @Test
    void unknownPortSuggestsTheClosestValidOnes() {
        assertThatThrownBy(() -> resolve(List.of("linux/amd46"), List.of()))
                .isInstanceOf(UsageException.class)
                .hasMessageStartingWith("unknown target 'linux/amd46'")
                .hasMessageContaining("did you mean linux/amd64");
    }

    @Test
    void badVariantNamesTheVariableAndTheAcceptedValues() {
        assertThatThrownBy(() -> resolve(List.of("linux/amd64/v9"), List.of()))
                .hasMessageContaining("GOAMD64=v9").hasMessageContaining("v1, v2, v3, v4");
        assertThatThrownBy(() -> resolve(List.of("windows/arm64/7"), List.of()))
                .hasMessageContaining("GOARM64=7");
    }

    @Test
    void malformedTargetsAreUsageErrors() {
        for (String bad : List.of("linux", "linux/", "/amd64", "a/b/c/d")) {
            assertThatThrownBy(() -> resolve(List.of(bad), List.of()))
                    .isInstanceOf(UsageException.class).hasMessageContaining("'" + bad + "'");
        }
    }

    @Test
    void excludingEverythingIsAnError() {
        assertThatThrownBy(() -> resolve(List.of("linux/amd64"), List.of("linux/*")))
                .hasMessageContaining("no target left");
    }

    @Test
    void patternWithoutVariantMatchesEveryVariant() {
        assertThat(new TargetPattern("linux/arm").matches(new Target("linux", "arm", "7"))).isTrue();
        assertThat(new TargetPattern("linux/arm/6").matches(new Target("linux", "arm", "7"))).isFalse();
        assertThat(new TargetPattern("*/arm*").matches(Target.of("linux", "arm64"))).isTrue();
    }
}
