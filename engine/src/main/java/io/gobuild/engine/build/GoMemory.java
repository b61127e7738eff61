package io.gobuild.engine.build;

import io.gobuild.engine.port.Command;
import io.gobuild.engine.port.CommandPort;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The memory each go build's compiles and links may use before their garbage collector runs. By
 * default a Go process collects whenever its heap has doubled, which costs a cold build about 5% of
 * its CPU (docs/benchmarks.md). Where the agent has memory to spare, gobuild turns that off and lets
 * each process collect only when its heap reaches its share of half the available memory
 * (GOGC=off with GOMEMLIMIT), at most {@link #CAP}: every compile and link then collects less or
 * not at all. The binaries are the same byte for byte, and neither variable is in go's cache keys.
 * A share below {@link #FLOOR} keeps go's defaults, as does a GOGC or GOMEMLIMIT the caller set.
 */
public final class GoMemory {
    /** No go process gets more: no compile or link seen here comes near it. */
    static final long CAP = 4L << 30;
    /**
     * No go process gets less: without the collector's doubling rule, a process whose live heap is
     * close to its limit collects more often than by default, and a large link holds hundreds of MiB.
     */
    static final long FLOOR = 1L << 30;
    /** The files read where go runs: what Linux can give, and the limits of its memory cgroup (v2, then v1). */
    static final List<String> SOURCES = List.of("/proc/meminfo", "/sys/fs/cgroup/memory.max",
            "/sys/fs/cgroup/memory/memory.limit_in_bytes");
    private static final Pattern AVAILABLE = Pattern.compile("^MemAvailable:\\s+(\\d+) kB$", Pattern.MULTILINE);
    private static final Pattern LIMIT = Pattern.compile("^(\\d+)$", Pattern.MULTILINE);

    private final long availableBytes;

    private GoMemory(long availableBytes) {
        this.availableBytes = availableBytes;
    }

    /**
     * Reads the memory available where go runs (through the command port: in Jenkins that can be a
     * container with its own limit); empty where it cannot be read, as on macOS and Windows.
     */
    public static Optional<GoMemory> probe(CommandPort commands, Map<String, String> environment, String directory)
            throws InterruptedException {
        List<String> argv = new java.util.ArrayList<>(List.of("cat"));
        argv.addAll(SOURCES);
        StringBuilder out = new StringBuilder();
        try {
            // A missing file only makes cat exit 1 after printing the others.
            commands.run(new Command(argv, environment, directory), line -> out.append(line).append('\n'), line -> { });
        } catch (IOException e) {
            return Optional.empty();
        }
        return parse(out.toString());
    }

    /** The available memory from meminfo followed by cgroup limits: the least of MemAvailable and every limit. */
    static Optional<GoMemory> parse(String text) {
        Matcher available = AVAILABLE.matcher(text);
        if (!available.find()) {
            return Optional.empty();
        }
        long bytes = Long.parseLong(available.group(1)) * 1024;
        Matcher limit = LIMIT.matcher(text);
        while (limit.find()) {
            OptionalLong parsed = parseLimit(limit.group(1));
            if (parsed.isPresent()) {
                bytes = Math.min(bytes, parsed.getAsLong());
            }
        }
        return Optional.of(new GoMemory(bytes));
    }

    /** A cgroup limit; v1's "no limit" is a number too large to parse as a long, and is no limit. */
    private static OptionalLong parseLimit(String digits) {
        try {
            return OptionalLong.of(Long.parseLong(digits));
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    long availableBytes() {
        return availableBytes;
    }

    /**
     * GOMEMLIMIT for each of the given number of go processes at once (a compile or link per core
     * for each target building, and each go command), in MiB; empty when the share is below the floor.
     */
    public Optional<String> limitFor(int processes) {
        long share = availableBytes / 2 / Math.max(1, processes);
        if (share < FLOOR) {
            return Optional.empty();
        }
        return Optional.of((Math.min(share, CAP) >> 20) + "MiB");
    }

    /** The go processes of a build of this many targets at once on this many cores. */
    public static int processes(int targetsAtOnce, int cpus) {
        return Math.max(1, targetsAtOnce) * (Math.max(1, cpus) + 1);
    }

    /** A go build's environment with the limit, unless the caller chose GOGC or GOMEMLIMIT. */
    public static Map<String, String> apply(Map<String, String> environment, Optional<String> limit) {
        if (limit.isEmpty() || chosenByCaller(environment)) {
            return environment;
        }
        Map<String, String> env = new HashMap<>(environment);
        env.put("GOGC", "off");
        env.put("GOMEMLIMIT", limit.get());
        return env;
    }

    /** Whether the environment already says how go collects: then it is left alone. */
    public static boolean chosenByCaller(Map<String, String> environment) {
        return !environment.getOrDefault("GOGC", "").isEmpty() || !environment.getOrDefault("GOMEMLIMIT", "").isEmpty();
    }
}
