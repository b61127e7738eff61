package io.gobuild.engine.pipeline;

import io.gobuild.engine.report.ReportJson;
import io.gobuild.engine.report.html.HtmlReport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Writes the report atomically where the request asked for it, and its HTML page beside it. */
final class ReportStage implements Stage {
    @Override
    public String name() {
        return "report";
    }

    @Override
    public void run(BuildContext context) throws IOException, InterruptedException {
        context.report = ReportAssembler.assemble(context);
        InterruptSafe.write(context.host.files(), context.reportPath, ReportJson.write(context.report));
        String page = HtmlReport.pathBeside(context.reportPath);
        InterruptSafe.write(context.host.files(), page, HtmlReport.render(List.of(context.report)).getBytes(StandardCharsets.UTF_8));
        context.log.info("report: " + context.reportPath + " (page: " + page + ")");
    }
}
