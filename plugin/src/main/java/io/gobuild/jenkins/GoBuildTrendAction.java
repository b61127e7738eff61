package io.gobuild.jenkins;

import hudson.Extension;
import hudson.model.Action;
import hudson.model.Job;
import hudson.model.Run;
import io.gobuild.engine.step.Trend;
import jenkins.model.TransientActionFactory;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;

/** The job page's trend: build time per target and cache hit ratio over the last builds that used gobuild. */
public class GoBuildTrendAction implements Action {
    private static final int BUILDS = 20;
    private final Job<?, ?> job;

    GoBuildTrendAction(Job<?, ?> job) {
        this.job = job;
    }

    @Override
    public String getIconFileName() {
        return null;
    }

    @Override
    public String getDisplayName() {
        return "Go build trend";
    }

    @Override
    public String getUrlName() {
        return null;
    }

    public Trend getTrend() {
        List<Trend.Point> points = new ArrayList<>();
        for (Run<?, ?> run = job.getLastBuild(); run != null && points.size() < BUILDS; run = run.getPreviousBuild()) {
            GoBuildReportAction report = run.getAction(GoBuildReportAction.class);
            if (report != null) {
                points.add(new Trend.Point(run.getDisplayName(), report.getTotal()));
            }
        }
        Collections.reverse(points);
        return Trend.of(points);
    }

    /** Offers the trend on jobs whose last build used gobuild. */
    @Extension
    public static class Factory extends TransientActionFactory<Job> {
        @Override
        public Class<Job> type() {
            return Job.class;
        }

        @Override
        public Collection<? extends Action> createFor(Job target) {
            Run<?, ?> last = target.getLastBuild();
            return last != null && last.getAction(GoBuildReportAction.class) != null ? List.of(new GoBuildTrendAction(target)) : List.of();
        }
    }
}
