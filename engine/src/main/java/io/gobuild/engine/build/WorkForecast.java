package io.gobuild.engine.build;

import io.gobuild.engine.port.AgentPaths;
import io.gobuild.engine.port.FilePort;
import io.gobuild.engine.port.Sha256;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/**
 * Whether a target's build is likely to compile or link: its inputs as gobuild sees them (the
 * module's files by name, size and time, the go arguments and environment, the toolchain) differ
 * from those of the last successful build into the same build directory. A build expected to work
 * is traced while it runs; one expected to be a no-op runs untraced, and only if go did work after
 * all (a dependency's module or an evicted cache entry) is a traced no-op build run after it.
 */
public final class WorkForecast {
    private static final String FILE = ".gobuild-inputs";
    private final FilePort files;
    private final String moduleFingerprint;
    private final String toolchain;

    public WorkForecast(FilePort files, String moduleFingerprint, String toolchain) {
        this.files = files;
        this.moduleFingerprint = moduleFingerprint;
        this.toolchain = toolchain;
    }

    public boolean expectsWork(TargetPlan plan) throws IOException, InterruptedException {
        String path = AgentPaths.join(plan.buildDir(), FILE);
        return !files.exists(path) || !Arrays.equals(files.read(path), digest(plan));
    }

    /** Remembers the inputs of a build that succeeded. */
    public void record(TargetPlan plan) throws IOException, InterruptedException {
        files.writeAtomically(AgentPaths.join(plan.buildDir(), FILE), digest(plan));
    }

    private byte[] digest(TargetPlan plan) {
        StringBuilder text = new StringBuilder(toolchain).append('\n').append(moduleFingerprint).append('\n')
                .append(String.join("\u0000", plan.goArgs())).append('\n');
        new TreeMap<>(plan.environment()).forEach((k, v) -> text.append(k).append('=').append(v).append('\n'));
        return Sha256.of(text.toString()).getBytes(StandardCharsets.UTF_8);
    }
}
