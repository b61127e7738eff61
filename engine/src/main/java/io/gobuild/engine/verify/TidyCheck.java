package io.gobuild.engine.verify;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import io.gobuild.engine.port.AgentPaths;
import io.gobuild.engine.report.Check;
import io.gobuild.engine.report.CheckStatus;
import io.gobuild.engine.toolchain.GoInvocation;
import io.gobuild.engine.toolchain.GoVersion;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Whether go.mod and go.sum are tidy: `go mod tidy -diff` where the Go in use has it (1.23+),
 * else `go mod tidy` on the scratch copy and a diff against the user's files. Offline: when tidying
 * would need a module that is not in the cache, the check is skipped with that reason.
 */
final class TidyCheck implements ModuleCheck {
    private static final GoVersion TIDY_DIFF = new GoVersion(1, 23, 0, "");

    @Override
    public String id() {
        return "tidy";
    }

    @Override
    public Check run(VerifyContext context) throws IOException, InterruptedException {
        GoInvocation tidyGo = context.offlineWithMod("mod");
        List<String> diff;
        if (context.toolchain().version().atLeast(TIDY_DIFF)) {
            GoInvocation.Result result = tidyGo.run(context.moduleDir(), "mod", "tidy", "-diff");
            if (result.ok()) {
                return tidy();
            }
            if (result.stdout().isBlank()) {
                return Check.skip(id(), "go mod tidy -diff could not run offline: " + result.firstError());
            }
            diff = result.stdout().lines().toList();
        } else {
            GoInvocation.Result result = tidyGo.run(context.scratch().sources(), "mod", "tidy");
            if (!result.ok()) {
                return Check.skip(id(), "go mod tidy could not run offline: " + result.firstError());
            }
            diff = new ArrayList<>(diff(context, "go.mod"));
            diff.addAll(diff(context, "go.sum"));
            if (diff.isEmpty()) {
                return tidy();
            }
        }
        return new Check(id(), context.untidySeverity(), "go.mod or go.sum is not tidy; run 'go mod tidy' and commit the result", diff);
    }

    private Check tidy() {
        return Check.pass(id(), "go.mod and go.sum are tidy");
    }

    private static List<String> diff(VerifyContext context, String file) throws IOException, InterruptedException {
        List<String> before = lines(context, AgentPaths.join(context.moduleDir(), file));
        List<String> after = lines(context, AgentPaths.join(context.scratch().sources(), file));
        return UnifiedDiffUtils.generateUnifiedDiff("a/" + file, "b/" + file, before, DiffUtils.diff(before, after), 3);
    }

    private static List<String> lines(VerifyContext context, String path) throws IOException, InterruptedException {
        return context.files().exists(path)
                ? new String(context.files().read(path), StandardCharsets.UTF_8).lines().toList() : List.of();
    }

    static CheckStatus severity(String configured) {
        return "FAIL".equalsIgnoreCase(configured) ? CheckStatus.FAIL : CheckStatus.WARN;
    }
}
