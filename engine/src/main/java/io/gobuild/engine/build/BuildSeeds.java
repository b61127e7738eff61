package io.gobuild.engine.build;

import io.gobuild.engine.matrix.Target;
import io.gobuild.engine.port.AgentPaths;
import io.gobuild.engine.port.FilePort;
import io.gobuild.engine.port.ShortHash;
import io.gobuild.engine.report.ReportJson;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * Per module and target, the build directory of the newest successful build on this agent. A fresh
 * output directory (a new workspace, a new branch's checkout) starts its build directory with
 * links to those binaries: go reads the build ID of a binary already at its -o path and relinks
 * only when that ID differs from what it would link now, so the seed can never be served stale,
 * and a fresh workspace on a warm agent links nothing that an earlier build already linked.
 */
public final class BuildSeeds {
    private final FilePort files;
    private final String directory;

    /** A build directory and the known-artifacts file of its output directory. */
    public record Seed(String buildDir, String knownArtifacts) {
    }

    public BuildSeeds(FilePort files, CacheHome home) {
        this.files = files;
        this.directory = AgentPaths.join(home.outputsDir(), "seeds");
    }

    /** The newest seed for this module and target; empty when none was recorded or it cannot be read. */
    public Optional<Seed> find(String modulePath, Target target) throws InterruptedException {
        String path = path(modulePath, target);
        try {
            return files.exists(path) ? Optional.of(ReportJson.read(files.read(path), Seed.class)) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * Links the seed's binaries that the plan's build directory lacks and lends the seed's known
     * hashes to known; a seed that cannot be used is no seed.
     *
     * @return how many binaries were seeded
     */
    public int plant(String modulePath, TargetPlan plan, KnownArtifacts known) throws InterruptedException {
        try {
            Optional<Seed> seed = find(modulePath, plan.target());
            if (seed.isEmpty() || seed.get().buildDir().equals(plan.buildDir())) {
                return 0;
            }
            List<String> names = plan.outputs().stream()
                    .map(o -> o.builtPath().substring(plan.buildDir().length() + 1)).toList();
            int added = files.seed(seed.get().buildDir(), plan.buildDir(), names);
            if (added > 0 && files.exists(seed.get().knownArtifacts())) {
                known.borrow(KnownArtifacts.read(files.read(seed.get().knownArtifacts())));
            }
            return added;
        } catch (IOException e) {
            return 0;
        }
    }

    public void remember(String modulePath, Target target, Seed seed) throws IOException, InterruptedException {
        files.createDirectories(directory);
        files.writeAtomically(path(modulePath, target), ReportJson.write(seed));
    }

    private String path(String modulePath, Target target) {
        return AgentPaths.join(directory, ShortHash.of(modulePath + "\n" + target.id()) + ".json");
    }
}
