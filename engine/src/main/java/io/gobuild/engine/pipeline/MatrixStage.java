package io.gobuild.engine.pipeline;

import io.gobuild.engine.matrix.MatrixResolver;
import io.gobuild.engine.matrix.Target;
import io.gobuild.engine.matrix.VariantProbe;

import java.io.IOException;

/** Resolves the requested targets against the toolchain's ports. */
final class MatrixStage implements Stage {
    @Override
    public String name() {
        return "matrix";
    }

    @Override
    public void run(BuildContext context) throws IOException, InterruptedException {
        context.targets = new MatrixResolver().resolve(context.request.targets(), context.request.exclude(), context.toolchain);
        new VariantProbe().check(context.targets, context.go, context.moduleDir);
        context.log.info("targets: " + String.join(" ", context.targets.stream().map(Target::id).toList()));
    }
}
