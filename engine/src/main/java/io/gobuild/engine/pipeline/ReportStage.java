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
        InterruptSafe.write(context.host.files(), context.reportPath, ReportJson.write(context.report));
        context.log.info("report: " + context.reportPath);
    }
}
