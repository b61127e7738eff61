package io.gobuild.engine.pipeline;

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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** For every target, which files of the main module its build leaves out and why; then the matrix-level findings. */
final class SkipsStage implements Stage {
    @Override
    public String name() {
        return "skips";
    }

    @Override
    public void run(BuildContext context) throws IOException, InterruptedException {
        if (context.verificationFailed() || !context.request.explain()) {
            return;
        }
        try {
            findSkips(context);
        } catch (IOException e) {
            context.warn(new Warning(WarningKind.ANALYSIS_UNAVAILABLE, null, "build-tag skips unavailable: " + e.getMessage()));
        }
    }

    private static void findSkips(BuildContext context) throws IOException, InterruptedException {
        BuildTagSkips skips = new BuildTagSkips(context.host.commands(), context.host.files(),
                AgentPaths.join(context.cacheHome.path(), "tools"));
        String helper = skips.helper(context.go, context.toolchain.versionText());
        Set<String> knownOs = new LinkedHashSet<>();
        Set<String> knownArch = new LinkedHashSet<>();
        context.toolchain.ports().forEach(p -> {
            knownOs.add(p.goos());
            knownArch.add(p.goarch());
        });
        Map<Target, Concurrently<List<FileVerdict>>> running = new LinkedHashMap<>();
        for (Target target : context.targets) {
            List<String> tags = context.plans.stream().filter(p -> p.target().equals(target)).findFirst()
                    .map(p -> p.tags()).orElse(context.request.tags());
            boolean cgo = context.plans.stream().filter(p -> p.target().equals(target)).findFirst()
                    .map(p -> p.cgo()).orElse(context.request.cgo());
            Map<String, String> env = context.environment.forTarget(target.environment(), cgo, Map.of());
            running.put(target, Concurrently.start(() -> skips.verdicts(helper, context.moduleDir, env, tags,
                    List.copyOf(knownOs), List.copyOf(knownArch))));
        }
        Map<String, List<FileVerdict>> verdicts = new LinkedHashMap<>();
        Map<String, List<SkippedFile>> skipped = new LinkedHashMap<>();
        for (Map.Entry<Target, Concurrently<List<FileVerdict>>> entry : running.entrySet()) {
            List<FileVerdict> forTarget = entry.getValue().get();
            verdicts.put(entry.getKey().id(), forTarget);
            List<SkippedFile> files = new ArrayList<>();
            forTarget.stream().filter(v -> !v.included()).forEach(v -> files.add(new SkippedFile(v.packagePath(), v.file(),
                    v.kind(), v.reason(), v.decidingTerms())));
            skipped.put(entry.getKey().id(), files);
        }
        context.skippedFiles = skipped;
        context.findings = MatrixFindings.of(verdicts);
    }
}
