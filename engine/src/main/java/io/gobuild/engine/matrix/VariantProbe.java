package io.gobuild.engine.matrix;

import io.gobuild.engine.request.UsageException;
import io.gobuild.engine.toolchain.GoInvocation;

import java.io.IOException;
import java.util.List;

/**
 * Asks the toolchain in use whether it knows each target's variant variable: an older Go prints
 * nothing for a variable it does not know (GOARM64 before Go 1.23) and would silently ignore it.
 */
public final class VariantProbe {
    public void check(List<Target> targets, GoInvocation go, String moduleDir) throws IOException, InterruptedException {
        for (Target target : targets) {
            if (target.variant().isEmpty()) {
                continue;
            }
            String variable = target.variantVariable().orElseThrow().variable();
            GoInvocation.Result result = go.with(target.environment()).run(moduleDir, "env", variable);
            if (!result.ok()) {
                throw new UsageException("invalid target '" + target.id() + "': " + result.firstError());
            }
            if (!result.stdout().strip().equals(target.variant())) {
                throw new UsageException("invalid target '" + target.id() + "': the Go in use does not know "
                        + variable + "; use a newer Go or drop the variant");
            }
        }
    }
}
