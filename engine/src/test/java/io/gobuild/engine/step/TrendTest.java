package io.gobuild.engine.step;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class TrendTest {
    private static CallSummary build(int compiled, int cached, Map<String, Long> durations) {
        return new CallSummary("ALL", "SUCCESS", null, 1, 0, compiled, cached, 0, Map.of(), durations, null, 0, 0, null);
    }

    @Test
    void hitRatioAndBuildTimesAreLaidOutOldestFirstOnTheirOwnScales() {
        Trend trend = Trend.of(List.of(new Trend.Point("#1", build(10, 0, Map.of("linux/amd64", 4000L))),
                new Trend.Point("#2", build(1, 9, Map.of("linux/amd64", 1000L, "windows/amd64", 2000L)))));

        assertThat(trend.builds()).containsExactly("#1", "#2");
        assertThat(trend.maxMillis()).isEqualTo(4000);
        assertThat(trend.series()).extracting(Trend.Series::name).containsExactly("hit ratio", "linux/amd64", "windows/amd64");
        assertThat(trend.series().get(0).points()).isEqualTo("24.0,176.0 476.0,39.2");
        assertThat(trend.series().get(1).points()).isEqualTo("24.0,24.0 476.0,138.0");
        assertThat(trend.series().get(2).points()).isEqualTo("476.0,100.0");
    }

    @Test
    void formFieldsBecomeListsOneValuePerLineOrComma() {
        assertThat(FormText.values(" linux/amd64, windows/arm64\n\n darwin/arm64 ")).containsExactly("linux/amd64", "windows/arm64", "darwin/arm64");
        assertThat(FormText.lines("CGO_CFLAGS=-O2,-g\nFOO=bar\n")).containsExactly("CGO_CFLAGS=-O2,-g", "FOO=bar");
        assertThat(FormText.values(null)).isEmpty();
    }
}
