package io.gobuild.engine.step;

import io.gobuild.engine.port.AgentPaths;
import io.gobuild.engine.request.BuildRequest;
import io.gobuild.engine.request.TargetOverride;
import io.gobuild.engine.request.UsageException;

import java.util.List;

/**
 * The arguments of a `goBuild(...)` step in Pipeline-friendly types, null meaning "the default",
 * and how they become an engine request on a given agent. Decisions about paths live here, where
 * they are tested: the module and output stay inside the workspace, and the cache home is shared by
 * every job on the agent (a per-call cacheDir, else the agent's configured one, else a directory
 * under the agent root), never the workspace.
 */
public record BuildStepArguments(List<String> targets, List<String> exclude, List<String> packages, List<String> tags,
                                 Boolean trimpath, Boolean cgo, String ldflags, String gcflags, List<String> env, String module,
                                 String out, Integer parallel, Boolean failFast, Boolean verify, Boolean strict, String tidy,
                                 String cacheDir, String cacheMaxSize, List<TargetOverride> overrides, String version, String commit,
                                 String goflags, String buildvcs, Boolean explain, String go, String gotoolchain,
                                 Boolean upToDateCheck) {
    /** The directory under an agent root that holds gobuild's shared cache home. */
    public static final String AGENT_CACHE = "caches/gobuild";

    public BuildStepArguments {
        targets = copy(targets);
        exclude = copy(exclude);
        packages = copy(packages);
        tags = copy(tags);
        env = copy(env);
        overrides = overrides == null ? List.of() : List.copyOf(overrides);
    }

    private static List<String> copy(List<String> values) {
        return values == null ? List.of() : List.copyOf(values);
    }

    /**
     * The engine request for this call at this place.
     *
     * @param netrc a netrc file the step wrote for private modules, or null
     * @throws UsageException for a module or output outside the workspace, or a bad value
     */
    public BuildRequest toRequest(StepPlace place, String netrc) {
        String moduleDir = inside(place, module == null ? "." : module, "module");
        String outDir = out == null ? null : inside(place, out, "out");
        for (String entry : env) {
            if (entry.indexOf('=') <= 0) {
                throw new UsageException("env entry '" + entry + "' is not KEY=value");
            }
        }
        return BuildRequest.builder().moduleDir(moduleDir).targets(targets).exclude(exclude).packages(packages).tags(tags)
                .trimpath(trimpath).cgo(cgo).ldflags(ldflags).gcflags(gcflags).env(env).out(outDir).parallel(parallel)
                .failFast(failFast).verify(verify).strict(strict).tidy(tidy == null ? null : tidy.toUpperCase(java.util.Locale.ROOT))
                .overrides(overrides).version(version).commit(commit).goflags(goflags).buildvcs(buildvcs).explain(explain)
                .upToDateCheck(upToDateCheck)
                .cacheMaxSize(cacheMaxSize).cacheDir(cacheHome(place)).netrc(netrc).go(go).gotoolchain(gotoolchain)
                .tempDir(AgentPaths.join(AgentPaths.normalize(place.tempDir()), "gobuild")).build();
    }

    /** The per-call directory, else the agent's configured one, else one under the agent root (else the workspace's temp dir). */
    String cacheHome(StepPlace place) {
        if (cacheDir != null && !cacheDir.isBlank()) {
            return AgentPaths.resolve(place.workspace(), cacheDir);
        }
        if (place.agentCacheDir() != null && !place.agentCacheDir().isBlank()) {
            return AgentPaths.normalize(place.agentCacheDir());
        }
        if (place.agentRoot() != null) {
            return AgentPaths.join(AgentPaths.normalize(place.agentRoot()), AGENT_CACHE);
        }
        return AgentPaths.join(AgentPaths.normalize(place.tempDir()), "gobuild-cache");
    }

    /** A path relative to the workspace that must stay inside it. */
    static String inside(StepPlace place, String path, String what) {
        String workspace = AgentPaths.normalize(place.workspace());
        String resolved = AgentPaths.resolve(workspace, path);
        if (!resolved.equals(workspace) && !resolved.startsWith(workspace + "/")) {
            throw new UsageException(what + " '" + path + "' is outside the workspace " + workspace + "; accepted: a path inside it");
        }
        return resolved;
    }
}
