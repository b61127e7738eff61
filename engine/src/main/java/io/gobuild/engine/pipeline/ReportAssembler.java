package io.gobuild.engine.pipeline;

import io.gobuild.engine.build.MainPackage;
import io.gobuild.engine.matrix.Target;
import io.gobuild.engine.report.BuildReport;
import io.gobuild.engine.report.HostInfo;
import io.gobuild.engine.report.ToolchainInfo;
import io.gobuild.engine.request.BuildRequest;
import io.gobuild.engine.request.TargetOverride;
import io.gobuild.engine.secret.Redactor;

import java.time.Instant;

/** Turns the context of a run into its report: the resolved request, with every secret masked. */
final class ReportAssembler {
    static final String TOOL = "gobuild " + version();

    private ReportAssembler() {
    }

    static BuildReport assemble(BuildContext context) {
        if (context.finishedAt == null) {
            context.finishedAt = Instant.now();
        }
        ToolchainInfo toolchain = context.toolchain == null ? null : new ToolchainInfo(context.toolchain.versionText(),
                context.toolchain.program(), context.toolchain.goroot(), context.toolchain.hostOs(),
                context.toolchain.hostArch(), context.toolchain.gotoolchain());
        HostInfo host = new HostInfo(context.host.name(), context.host.os(), context.host.arch(), context.host.cpus());
        return new BuildReport(BuildReport.SCHEMA_VERSION, context.kind, context.runId, TOOL, context.modulePath,
                context.moduleDir, toolchain, host, context.source, resolvedRequest(context),
                context.startedAt.toString(), context.finishedAt.toString(), context.elapsedMs(), context.status,
                message(context), context.stageTimes, context.results, context.warnings, context.verification);
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

    private static String version() {
        String version = ReportAssembler.class.getPackage().getImplementationVersion();
        return version == null ? "dev" : version;
    }
}
