package io.gobuild.engine.pipeline;

import io.gobuild.engine.build.SourceProbe;
import io.gobuild.engine.report.Warning;
import io.gobuild.engine.report.Warning.WarningKind;

import java.io.IOException;

/** Finds the version, commit and date that templates and the report use. */
final class SourceStage implements Stage {
    @Override
    public String name() {
        return "source";
    }

    @Override
    public void run(BuildContext context) throws IOException, InterruptedException {
        context.source = new SourceProbe(context.host.commands(), context.environment.base())
                .probe(context.moduleDir, context.request.version(), context.request.commit(), context.startedAt);
        if (context.source.commit().isEmpty()) {
            context.warn(new Warning(WarningKind.SOURCE_UNKNOWN, null,
                    "no commit known: the module is not a git checkout and no commit was given; {{.Commit}} renders empty"));
        }
        context.log.info("version " + context.source.version() + ", date " + context.source.date()
                + (context.source.commit().isEmpty() ? "" : ", commit " + context.source.commit()));
    }
}
