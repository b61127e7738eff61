package io.gobuild.engine.pipeline;

import io.gobuild.engine.secret.MaskingLog;
import io.gobuild.engine.build.MainPackage;
import io.gobuild.engine.matrix.Target;
import io.gobuild.engine.report.Artifact;
import io.gobuild.engine.report.BuildInfo;
import io.gobuild.engine.report.BuildReport;
import io.gobuild.engine.report.CompileError;
import io.gobuild.engine.report.RebuildCause;
import io.gobuild.engine.report.Rebuilds;
import io.gobuild.engine.report.RootCause;
import io.gobuild.engine.report.TargetResult;
import io.gobuild.engine.report.HostInfo;
import io.gobuild.engine.report.Tool;
import io.gobuild.engine.report.ToolchainInfo;
import io.gobuild.engine.request.BuildRequest;
import io.gobuild.engine.request.TargetOverride;
import io.gobuild.engine.secret.Redactor;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Turns the context of a run into its report: the resolved request, with every secret masked. */
final class ReportAssembler {
    private ReportAssembler() {
    }

    static BuildReport assemble(BuildContext context) {
        if (context.finishedAt == null) {
            context.finishedAt = Instant.now();
        }
        ToolchainInfo toolchain = context.toolchain == null ? null : new ToolchainInfo(context.toolchain.versionText(),
                context.toolchain.program(), context.toolchain.goroot(), context.toolchain.hostOs(),
                context.toolchain.hostArch(), context.toolchain.gotoolchain());
        HostInfo host = new HostInfo(context.host.name(), context.host.os(), context.host.arch(), context.host.cpus(),
                context.goMemoryLimit);
        return new BuildReport(BuildReport.SCHEMA_VERSION, context.kind, context.runId, Tool.NAME, context.modulePath,
                context.moduleDir, toolchain, host, context.source, resolvedRequest(context),
                context.startedAt.toString(), context.finishedAt.toString(), context.elapsedMs(), context.status,
                message(context), context.stageTimes, context.results.stream().map(t -> masked(t, context.log)).toList(),
                context.warnings, context.verification,
                context.cacheReport, context.findings, null);
    }

    /** Rebuild causes and compiler messages quote build inputs (ldflags, build info): mask known secrets in them. */
    private static TargetResult masked(TargetResult target, MaskingLog log) {
        List<CompileError> errors = target.errors().stream().map(e -> new CompileError(e.packagePath(), e.file(), e.line(),
                e.column(), log.mask(e.message()))).toList();
        Rebuilds rebuilds = target.rebuilds();
        if (rebuilds != null) {
            rebuilds = new Rebuilds(rebuilds.compiled(), rebuilds.reused(), rebuilds.hitRatio(), rebuilds.linked(),
                    rebuilds.rootCauses().stream().map(r -> new RootCause(r.kind(), log.mask(r.detail()), r.packages(), r.dragged(),
                            r.draggedPackages(), r.advice())).toList(),
                    rebuilds.causes().stream().map(c -> new RebuildCause(c.packagePath(), c.step(), c.kind(), log.mask(c.detail()),
                            c.root(), c.rootCause(), c.changes().stream().map(log::mask).toList(), c.advice())).toList());
        }
        return new TargetResult(target.target(), target.goos(), target.goarch(), target.variant(), target.status(),
                target.exitCode(), target.durationMs(), target.startOffsetMs(), target.ldflags(), target.tags(), target.cgo(),
                errors, target.artifacts().stream().map(a -> masked(a, log)).toList(), rebuilds, target.skippedFiles(),
                target.upToDate());
    }

    /** Without -trimpath, build info holds the ldflags as given. */
    private static Artifact masked(Artifact artifact, MaskingLog log) {
        BuildInfo info = artifact.buildInfo();
        if (info == null) {
            return artifact;
        }
        Map<String, String> settings = new LinkedHashMap<>();
        info.settings().forEach((k, v) -> settings.put(k, log.mask(v)));
        return new Artifact(artifact.path(), artifact.packagePath(), artifact.binary(), artifact.size(), artifact.sha256(),
                new BuildInfo(info.goVersion(), info.path(), info.main(), info.deps(), settings));
    }

    private static String message(BuildContext context) {
        if (context.verificationFailed()) {
            return "verification failed" + (context.verification.strict() ? " (strict)" : "") + ": nothing was built";
        }
        return null;
    }

    /** The request as it was carried out: absolute paths, resolved targets and packages, no secrets. */
    static BuildRequest resolvedRequest(BuildContext context) {
        BuildRequest request = context.request;
        BuildRequest.Builder resolved = request.toBuilder()
                .env(Redactor.environment(request.env()))
                .ldflags(Redactor.ldflags(request.ldflags()))
                .goflags(Redactor.urls(request.goflags()))
                .overrides(request.overrides().stream().map(o -> new TargetOverride(o.target(),
                        o.ldflags() == null ? null : Redactor.ldflags(o.ldflags()), o.tags(),
                        Redactor.environment(o.env()), o.cgo())).toList());
        if (context.moduleDir != null) {
            resolved.moduleDir(context.moduleDir).out(context.outDir).report(context.reportPath);
        }
        if (!context.targets.isEmpty()) {
            resolved.targets(context.targets.stream().map(Target::id).toList()).exclude(java.util.List.of());
        }
        if (!context.packages.isEmpty()) {
            resolved.packages(context.packages.stream().map(MainPackage::importPath).toList());
        }
        if (context.source != null) {
            resolved.version(context.source.version()).commit(context.source.commit());
        }
        return resolved.build();
    }
}
