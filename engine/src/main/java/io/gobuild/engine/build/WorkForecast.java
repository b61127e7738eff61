package io.gobuild.engine.build;

import io.gobuild.engine.port.AgentPaths;
import io.gobuild.engine.port.FilePort;
import io.gobuild.engine.port.Sha256;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Whether go is likely to do work for a target: not when the key of its build (toolchain, go
 * arguments, Go variables, commit, the module's Go and module files by name, size and time) is the one of
 * its last successful build into this output directory; and whether only the contents of those
 * files changed (the configuration key: the same but for contents, with the files' names and what
 * go lists them by). Only a forecast, which decides whether go writes its action graph: that costs
 * a no-op build a tenth of its time, and saves a build that did work a second, traced build; a
 * build whose configuration is the last one's needs neither (see CacheDerivedTrace). A wrong
 * forecast costs time, never a wrong answer.
 */
public final class WorkForecast {
    private final FilePort files;
    private final String directory;
    private final Map<String, Last> read = new ConcurrentHashMap<>();

    public WorkForecast(FilePort files, String directory) {
        this.files = files;
        this.directory = directory;
    }

    /** The hashes of the keys of the last successful build into this output directory. */
    private record Last(String work, String configuration) {
        static final Last NONE = new Last("", "");

        static Last parse(String text) {
            String[] lines = text.split("\n");
            return lines.length == 2 ? new Last(lines[0], lines[1]) : NONE;
        }

        String text() {
            return work + "\n" + configuration + "\n";
        }
    }

    public boolean expectsWork(TargetPlan plan, String key) throws InterruptedException {
        String path = path(plan);
        Last last;
        try {
            last = files.exists(path) ? Last.parse(new String(files.read(path), StandardCharsets.UTF_8)) : Last.NONE;
        } catch (IOException e) {
            last = Last.NONE;
        }
        read.put(path, last);
        return !last.work().equals(Sha256.of(key));
    }

    /**
     * Whether the last successful build had this configuration key (everything but the contents
     * of the module's files), as read by {@link #expectsWork}.
     */
    public boolean sameConfiguration(TargetPlan plan, String configurationKey) {
        return read.getOrDefault(path(plan), Last.NONE).configuration().equals(Sha256.of(configurationKey));
    }

    /** A key computed only when it is needed (the configuration key reads every Go file's header). */
    @FunctionalInterface
    public interface Key {
        String text() throws IOException, InterruptedException;
    }

    /**
     * After a successful build: its keys, written only when they are new. The same work key means
     * the same files by name, size and time, and so the same configuration key.
     */
    public void remember(TargetPlan plan, String key, Key configurationKey) throws InterruptedException {
        String path = path(plan);
        String work = Sha256.of(key);
        Last last = read.get(path);
        if (last != null && last.work().equals(work)) {
            return;
        }
        try {
            files.writeAtomically(path, new Last(work, Sha256.of(configurationKey.text())).text().getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            // The next build forecasts work and asks go for its action graph: slower, not wrong.
        }
    }

    private String path(TargetPlan plan) {
        return AgentPaths.join(directory, plan.target().id().replace('/', '_'));
    }
}
