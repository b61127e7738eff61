package io.gobuild.engine.build;

import java.util.List;

/**
 * How many targets build at once when the request leaves it open. Each go build already runs as
 * many compiles and links at once as the machine has cores, so a second build at once can only use
 * what the first leaves idle.
 */
public final class TargetConcurrency {
    private TargetConcurrency() {
    }

    /**
     * One at a time for a module's first build on an agent when every target links at least as many
     * binaries as the agent has cores: such a build keeps every core busy by itself, and a second one
     * at once only makes them compete (docs/benchmarks.md). Two otherwise: the serial phases of a
     * lighter build (loading packages, the runtime's chain, a lone link, a rebuild of a few
     * packages) leave cores idle that a second build fills.
     *
     * @param cpus            the agent's cores (0 when unknown)
     * @param builtHereBefore whether this agent has built the module for one of the targets before
     */
    public static int byDefault(int cpus, List<TargetPlan> plans, boolean builtHereBefore) {
        int fewestBinaries = plans.stream().mapToInt(p -> p.outputs().size()).min().orElse(0);
        boolean saturating = cpus > 0 && !builtHereBefore && fewestBinaries >= cpus;
        return saturating ? 1 : 2;
    }
}
