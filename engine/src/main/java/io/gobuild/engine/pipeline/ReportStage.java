package io.gobuild.engine.pipeline;

import io.gobuild.engine.report.ReportJson;

import java.io.IOException;

/** Writes the report atomically where the request asked for it. */
final class ReportStage implements Stage {
    @Override
    public String name() {
        return "report";
    }

    @Override
    public void run(BuildContext context) throws IOException, InterruptedException {
        context.report = ReportAssembler.assemble(context);
        // An interrupted run still writes its report: file channels refuse to write on an interrupted thread.
        boolean interrupted = Thread.interrupted();
        try {
            context.host.files().writeAtomically(context.reportPath, ReportJson.write(context.report));
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
        context.log.info("report: " + context.reportPath);
    }
}
