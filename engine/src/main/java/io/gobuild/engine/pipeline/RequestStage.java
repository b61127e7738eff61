package io.gobuild.engine.pipeline;

import io.gobuild.engine.build.CacheHome;
import io.gobuild.engine.port.AgentPaths;
import io.gobuild.engine.port.FilePort;
import io.gobuild.engine.port.ShortHash;
import io.gobuild.engine.request.BuildRequest;
import io.gobuild.engine.request.ByteSize;
import io.gobuild.engine.request.UsageException;

import java.io.IOException;
import java.util.Map;

/** Checks the request's plain values and resolves its paths, before any tool runs. */
final class RequestStage implements Stage {
    @Override
    public String name() {
        return "request";
    }

    @Override
    public void run(BuildContext context) throws IOException, InterruptedException {
        BuildRequest request = context.request;
        if (!BuildRequest.BUILDVCS_VALUES.contains(request.buildvcs())) {
            throw new UsageException("invalid buildvcs '" + request.buildvcs() + "'; accepted: "
                    + String.join(", ", BuildRequest.BUILDVCS_VALUES));
        }
        if (!BuildRequest.TIDY_VALUES.contains(request.tidy())) {
            throw new UsageException("invalid tidy severity '" + request.tidy() + "'; accepted: "
                    + String.join(", ", BuildRequest.TIDY_VALUES));
        }
        if (request.parallel() < 0) {
            throw new UsageException("invalid parallel " + request.parallel() + "; accepted: 1 or more, or 0 for the default");
        }
        String base = context.host.workingDirectory();
        FilePort files = context.host.files();
        context.moduleDir = AgentPaths.resolve(base, request.moduleDir());
        if (!files.isDirectory(context.moduleDir)) {
            throw new UsageException("module directory '" + request.moduleDir() + "' does not exist"
                    + (files.exists(context.moduleDir) ? " as a directory" : "") + "; give the directory that holds go.mod");
        }
        if (!files.exists(AgentPaths.join(context.moduleDir, "go.mod"))) {
            throw new UsageException("'" + request.moduleDir() + "' has no go.mod; give the directory of a Go module");
        }
        if (!request.cacheMaxSize().isEmpty()) {
            ByteSize.parse(request.cacheMaxSize(), "cache-max-size");
        }
        if (!request.netrc().isEmpty() && !files.exists(AgentPaths.resolve(base, request.netrc()))) {
            throw new UsageException("netrc file '" + request.netrc() + "' does not exist");
        }
        context.outDir = request.out().isEmpty()
                ? AgentPaths.join(context.moduleDir, BuildRequest.DEFAULT_OUT)
                : AgentPaths.resolve(base, request.out());
        context.cacheHome = new CacheHome(cacheHome(context));
        context.outputState = AgentPaths.join(context.cacheHome.outputsDir(), ShortHash.of(context.outDir));
        context.reportPath = request.report().isEmpty()
                ? AgentPaths.join(context.outDir, context.kind.equals("VERIFY") ? "verify-report.json" : BuildRequest.REPORT_FILE_NAME)
                : AgentPaths.resolve(base, request.report());
    }

    /** --cache-dir, else $XDG_CACHE_HOME/gobuild, else ~/.cache/gobuild, else beside the outputs. */
    private static String cacheHome(BuildContext context) {
        String base = context.host.workingDirectory();
        Map<String, String> env = context.host.environment();
        if (!context.request.cacheDir().isEmpty()) {
            return AgentPaths.resolve(base, context.request.cacheDir());
        }
        if (!env.getOrDefault("XDG_CACHE_HOME", "").isEmpty()) {
            return AgentPaths.join(AgentPaths.normalize(env.get("XDG_CACHE_HOME")), "gobuild");
        }
        String home = env.getOrDefault("HOME", env.getOrDefault("USERPROFILE", ""));
        if (!home.isEmpty()) {
            return AgentPaths.join(AgentPaths.normalize(home), ".cache/gobuild");
        }
        return AgentPaths.join(context.outDir, ".gobuild-cache");
    }
}
