package io.gobuild.engine.build;

import io.gobuild.engine.port.AgentPaths;
import io.gobuild.engine.port.FilePort;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Whether go is likely to do work for a target: not when the key of its build (toolchain, go
 * arguments, Go variables, commit, the module's Go and module files by name, size and time) is the one of
 * its last successful build into this output directory. Only a forecast, which decides whether go
 * writes its action graph: that costs a no-op build a tenth of its time, and saves a build that
 * did work a second, traced build. A wrong forecast costs time, never a wrong answer.
 */
public final class WorkForecast {
    private final FilePort files;
    private final String directory;
    private final Map<String, String> read = new ConcurrentHashMap<>();

    public WorkForecast(FilePort files, String directory) {
        this.files = files;
        this.directory = directory;
    }

    public boolean expectsWork(TargetPlan plan, String key) throws InterruptedException {
        String path = path(plan);
        String last;
        try {
            last = files.exists(path) ? new String(files.read(path), StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            last = "";
        }
        read.put(path, last);
        return !last.equals(key);
    }

    /** After a successful build: its key, written only when it is a new one. */
    public void remember(TargetPlan plan, String key) throws InterruptedException {
        String path = path(plan);
        if (key.equals(read.get(path))) {
            return;
        }
        try {
            files.writeAtomically(path, key.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            // The next build forecasts work and asks go for its action graph: slower, not wrong.
        }
    }

    private String path(TargetPlan plan) {
        return AgentPaths.join(directory, plan.target().id().replace('/', '_'));
    }
}
