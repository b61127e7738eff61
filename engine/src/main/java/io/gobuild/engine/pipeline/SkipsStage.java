package io.gobuild.engine.pipeline;

import com.fasterxml.jackson.core.type.TypeReference;
import io.gobuild.engine.build.TargetPlan;
import io.gobuild.engine.cache.QueryKey;
import io.gobuild.engine.explain.BuildTagSkips;
import io.gobuild.engine.explain.FileVerdict;
import io.gobuild.engine.explain.MatrixFindings;
import io.gobuild.engine.matrix.Target;
import io.gobuild.engine.port.AgentPaths;
import io.gobuild.engine.port.Concurrently;
import io.gobuild.engine.report.SkippedFile;
import io.gobuild.engine.report.Warning;
import io.gobuild.engine.report.Warning.WarningKind;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * For every target, which files of the main module its build leaves out and why, then the
 * matrix-level findings. The work (building the helper once per toolchain, one helper run per
 * target, remembered while the module's Go files are unchanged) goes on while the targets compile;
 * {@link #collect} gathers it.
 */
final class SkipsStage implements Stage {
    @Override
    public String name() {
        return "skips";
    }

    @Override
    public void run(BuildContext context) {
        if (context.verificationFailed() || !context.request.explain()) {
            return;
        }
        context.pendingSkips = Concurrently.start(() -> verdicts(context));
    }

    private static Map<String, List<FileVerdict>> verdicts(BuildContext context) throws IOException, InterruptedException {
        BuildTagSkips skips = new BuildTagSkips(context.host.commands(), context.host.files(),
                AgentPaths.join(context.cacheHome.path(), "tools"));
        Set<String> knownOs = new LinkedHashSet<>();
        Set<String> knownArch = new LinkedHashSet<>();
        context.toolchain.ports().forEach(p -> {
            knownOs.add(p.goos());
            knownArch.add(p.goarch());
        });
        Map<String, List<FileVerdict>> verdicts = new LinkedHashMap<>();
        for (TargetPlan plan : context.plans) {
            Target target = plan.target();
            Map<String, String> env = context.environment.forTarget(target.environment(), plan.cgo(), Map.of());
            String key = QueryKey.of("skips v1", context.toolchain).add(BuildTagSkips.helperSourceHash()).add(context.moduleDir)
                    .environment(env).add(plan.tags()).add(List.copyOf(knownOs)).add(List.copyOf(knownArch))
                    .toString();
            verdicts.put(target.id(), context.memo().get("skips " + context.moduleDir + " " + target.id(), key, context.moduleFiles(),
                    new TypeReference<>() { }, () -> skips.verdicts(skips.helper(context.go, context.toolchain.versionText(), context::awaitHostTarget),
                            context.moduleDir, env, plan.tags(), List.copyOf(knownOs), List.copyOf(knownArch))));
        }
        return verdicts;
    }

    /** Waits for the work started before the compile and files its results; on failure, a warning. */
    static void collect(BuildContext context) throws InterruptedException {
        if (context.pendingSkips == null) {
            return;
        }
        try {
            Map<String, List<FileVerdict>> verdicts = context.pendingSkips.get();
            Map<String, List<SkippedFile>> skipped = new LinkedHashMap<>();
            verdicts.forEach((target, files) -> skipped.put(target, files.stream().filter(v -> !v.included())
                    .map(v -> new SkippedFile(v.packagePath(), v.file(), v.kind(), v.reason(), v.decidingTerms())).toList()));
            context.skippedFiles = skipped;
            context.findings = MatrixFindings.of(verdicts);
        } catch (IOException e) {
            context.warn(new Warning(WarningKind.ANALYSIS_UNAVAILABLE, null, "build-tag skips unavailable: " + e.getMessage()));
        } finally {
            context.pendingSkips = null;
        }
    }

    /** Stops the work of an interrupted run, and its processes, before the run ends. */
    static void cancel(BuildContext context) {
        if (context.pendingSkips != null) {
            context.pendingSkips.cancelAndWait();
            context.pendingSkips = null;
        }
    }
}
