package io.gobuild.engine.request;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OverrideSpecsTest {
    @Test
    void linesOfOnePatternMakeOneOverride() {
        assertThat(OverrideSpecs.parse(List.of("windows/*:ldflags=-s -w -H windowsgui", "linux/arm/*:tags=netgo,osusergo",
                "windows/*:env=A=B", "windows/*:cgo=true")))
                .containsExactly(new TargetOverride("windows/*", "-s -w -H windowsgui", List.of(), List.of("A=B"), true),
                        new TargetOverride("linux/arm/*", null, List.of("netgo", "osusergo"), List.of(), null));
    }

    @Test
    void badLinesNameTheProblemButNoSecret() {
        assertThatThrownBy(() -> OverrideSpecs.parse(List.of("windows/*:color=red")))
                .hasMessage("invalid override key 'color' in 'windows/*:color'; accepted: ldflags, tags, env, cgo");
        assertThatThrownBy(() -> OverrideSpecs.parse(List.of("API_TOKEN=hunter22")))
                .hasMessageContaining("API_TOKEN=****").hasMessageNotContaining("hunter22");
        assertThatThrownBy(() -> OverrideSpecs.parse(List.of("x/y:cgo=yes"))).hasMessageContaining("accepted: true, false");
    }
}
