package io.gobuild.engine.build;

import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** How much memory each go process of a build gets, from what Linux and its memory cgroup say. */
class GoMemoryTest {
    private static final String MEMINFO = "MemTotal:       24576000 kB\nMemFree:         1000000 kB\n"
            + "MemAvailable:   16777216 kB\nBuffers:          100000 kB\n";

    @Test
    void theAvailableMemoryIsTheLeastOfMemAvailableAndTheCgroupLimits() {
        assertThat(GoMemory.parse(MEMINFO).orElseThrow().availableBytes()).as("no cgroup file").isEqualTo(16L << 30);
        assertThat(GoMemory.parse(MEMINFO + "max\n").orElseThrow().availableBytes()).as("v2 without a limit")
                .isEqualTo(16L << 30);
        assertThat(GoMemory.parse(MEMINFO + (4L << 30) + "\n").orElseThrow().availableBytes()).as("v2 limit")
                .isEqualTo(4L << 30);
        assertThat(GoMemory.parse(MEMINFO + "9223372036854771712\n").orElseThrow().availableBytes())
                .as("v1 without a limit").isEqualTo(16L << 30);
        assertThat(GoMemory.parse(MEMINFO + "99999999999999999999\n").orElseThrow().availableBytes())
                .as("a number past a long is no limit").isEqualTo(16L << 30);
        assertThat(GoMemory.parse("MemTotal: 1000 kB\n")).as("no MemAvailable (a kernel before 3.14)").isEmpty();
        assertThat(GoMemory.parse("")).as("not Linux: cat found nothing").isEmpty();
    }

    @Test
    void eachProcessGetsItsShareOfHalfTheAvailableMemoryWithinFloorAndCap() {
        assertThat(GoMemory.processes(1, 2)).as("one target on two cores: two compiles and the go command").isEqualTo(3);
        assertThat(GoMemory.processes(2, 8)).isEqualTo(18);
        assertThat(GoMemory.parse(MEMINFO).orElseThrow().limitFor(1)).as("capped").contains("4096MiB");
        assertThat(GoMemory.parse(MEMINFO).orElseThrow().limitFor(3)).contains("2730MiB");
        assertThat(GoMemory.parse(MEMINFO).orElseThrow().limitFor(6)).contains("1365MiB");
        assertThat(GoMemory.parse(MEMINFO).orElseThrow().limitFor(18)).as("below the floor: go's defaults").isEmpty();
        assertThat(GoMemory.parse(MEMINFO + (2L << 30) + "\n").orElseThrow().limitFor(1)).as("a 2 GiB container")
                .contains("1024MiB");
        assertThat(GoMemory.parse(MEMINFO + (2L << 30) + "\n").orElseThrow().limitFor(3)).isEmpty();
    }

    @Test
    void aGogcOrGomemlimitTheCallerChoseIsLeftAlone() {
        Optional<String> limit = Optional.of("2048MiB");
        assertThat(GoMemory.apply(Map.of("PATH", "/bin"), limit))
                .containsEntry("GOGC", "off").containsEntry("GOMEMLIMIT", "2048MiB").containsEntry("PATH", "/bin");
        assertThat(GoMemory.apply(Map.of("GOGC", "200"), limit)).isEqualTo(Map.of("GOGC", "200"));
        assertThat(GoMemory.apply(Map.of("GOMEMLIMIT", "1GiB"), limit)).isEqualTo(Map.of("GOMEMLIMIT", "1GiB"));
        assertThat(GoMemory.apply(Map.of("GOGC", ""), limit)).as("empty is unset").containsEntry("GOGC", "off");
        assertThat(GoMemory.apply(Map.of("PATH", "/bin"), Optional.empty())).isEqualTo(Map.of("PATH", "/bin"));
    }
}
