package io.gobuild.jenkins;

import hudson.model.Run;
import io.gobuild.engine.report.BuildReport;
import io.gobuild.engine.request.ByteSize;
import io.gobuild.engine.step.CallSummary;
import jenkins.model.RunAction2;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The build page's gobuild summary box and detail page, over every gobuild call of the build
 * (matrix cells on different agents are grouped by agent). Holds nothing itself: it reads the
 * per-call actions.
 */
public class GoBuildReportAction implements RunAction2 {
    private transient Run<?, ?> run;

    @Override
    public String getIconFileName() {
        return "symbol-cube";
    }

    @Override
    public String getDisplayName() {
        return "Go build report";
    }

    @Override
    public String getUrlName() {
        return "gobuild";
    }

    public Run<?, ?> getRun() {
        return run;
    }

    public List<GoBuildCallAction> getCalls() {
        return run == null ? List.of() : run.getActions(GoBuildCallAction.class);
    }

    /** Every call added up. */
    public CallSummary getTotal() {
        return CallSummary.merge(getCalls().stream().map(GoBuildCallAction::summary).toList());
    }

    public String getHitRatio() {
        CallSummary total = getTotal();
        return total.compiled() + total.cached() == 0 ? "n/a" : String.format(Locale.ROOT, "%.0f%%", total.hitRatio() * 100);
    }

    public List<Map.Entry<String, Integer>> getTopRootCauses() {
        return getTotal().topRootCauses(3);
    }

    /** The reports of the calls that are still readable, in call order. */
    public List<BuildReport> getReports() {
        return getCalls().stream().map(GoBuildCallAction::getReport).filter(r -> r != null).toList();
    }

    /** For the detail page: sizes as the engine writes them everywhere. */
    public String size(long bytes) {
        return ByteSize.format(bytes);
    }

    @Override
    public void onAttached(Run<?, ?> r) {
        this.run = r;
    }

    @Override
    public void onLoad(Run<?, ?> r) {
        this.run = r;
    }
}
