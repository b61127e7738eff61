package io.gobuild.engine.toolchain;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class GoVersionTest {
    private static GoVersion v(String text) {
        return GoVersion.parse(text).orElseThrow();
    }

    @Test
    void ordersReleasesAndCandidatesAsGoDoes() {
        assertThat(v("go1.21rc2")).isLessThan(v("go1.21.0"));
        assertThat(v("go1.21")).isEqualByComparingTo(v("go1.21.0"));
        assertThat(v("go1.20.14")).isLessThan(GoVersion.MINIMUM_SUPPORTED);
        assertThat(v("go1.26.8").atLeast(GoVersion.MINIMUM_SUPPORTED)).isTrue();
        assertThat(v("1.22.5").language()).isEqualTo("1.22");
        assertThat(GoVersion.parse("gopher")).isEmpty();
    }
}
