package io.gobuild.engine.build;

import io.gobuild.engine.request.UsageException;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TemplateTest {
    @Test
    void rendersVariablesWithOrWithoutSpaces() {
        assertThat(new Template("{{.Os}}_{{ .Arch }}{{.Variant}}/x", "t").render(Map.of("Os", "linux", "Arch", "arm", "Variant", "_7")))
                .isEqualTo("linux_arm_7/x");
    }

    @Test
    void unknownVariableNamesItAndTheAcceptedOnes() {
        assertThatThrownBy(() -> new Template("-X main.v={{.Verison}}", "ldflags").check(Set.of("Version", "Os")))
                .isInstanceOf(UsageException.class)
                .hasMessage("unknown ldflags variable '{{.Verison}}'; accepted: {{.Os}}, {{.Version}}");
    }

    @Test
    void actionsOtherThanVariablesAreRefused() {
        assertThatThrownBy(() -> new Template("{{ .Os | upper }}", "output template").check(Set.of("Os")))
                .hasMessageStartingWith("unsupported output template action '{{ .Os | upper }}'");
    }

    @Test
    void dollarSignsAndBackslashesInValuesStayLiteral() {
        assertThat(new Template("{{.Version}}", "t").render(Map.of("Version", "a$1\\b"))).isEqualTo("a$1\\b");
    }
}
