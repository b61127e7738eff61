package io.gobuild.engine.step;

import io.gobuild.engine.report.BuildReport;
import io.gobuild.engine.report.PublishReport;
import io.gobuild.engine.report.RootCause;
import io.gobuild.engine.report.TargetResult;
import io.gobuild.engine.report.TargetStatus;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The numbers of one step call that a build page shows without reading the full report, and how
 * the calls of one build add up (a build may call the steps many times: matrix cells on several
 * agents). Plain values only, so a CI can store them as it likes.
 *
 * @param rootCauses       "KIND detail" of each rebuild root cause, with the packages it accounts for
 * @param targetDurations  per target, its build time in milliseconds
 * @param verification     PASS, WARN or FAIL; null when verification did not run
 * @param signatures       the number of signature files published or kept; null for calls that published nothing
 */
public record CallSummary(String kind, String status, String agent, int targetsOk, int targetsFailed, int compiled, int cached,
                          int skippedFiles, Map<String, Integer> rootCauses, Map<String, Long> targetDurations, String verification,
                          int published, int publishFailed, Integer signatures) {
    public CallSummary {
        rootCauses = rootCauses == null ? Map.of() : Map.copyOf(rootCauses);
        targetDurations = targetDurations == null ? Map.of() : Map.copyOf(targetDurations);
    }

    public static CallSummary of(BuildReport report) {
        int ok = 0;
        int failed = 0;
        int compiled = 0;
        int cached = 0;
        int skipped = 0;
        Map<String, Integer> causes = new LinkedHashMap<>();
        Map<String, Long> durations = new LinkedHashMap<>();
        for (TargetResult target : report.targets()) {
            if (target.status() == TargetStatus.SUCCESS) {
                ok++;
            } else {
                failed++;
            }
            durations.put(target.target(), target.durationMs());
            skipped += target.skippedFiles().size();
            if (target.rebuilds() != null) {
                compiled += target.rebuilds().compiled();
                cached += target.rebuilds().reused();
                for (RootCause root : target.rebuilds().rootCauses()) {
                    causes.merge(root.kind() + " " + root.detail(), root.packages().size() + root.dragged(), Integer::sum);
                }
            }
        }
        PublishReport publish = report.publish();
        int published = 0;
        int publishFailed = 0;
        Integer signatures = null;
        if (publish != null) {
            for (PublishReport.PublishedFile file : publish.files()) {
                if (file.outcome() == PublishReport.Outcome.UPLOADED || file.outcome() == PublishReport.Outcome.SKIPPED_IDENTICAL) {
                    published++;
                } else if (file.outcome() == PublishReport.Outcome.FAILED) {
                    publishFailed++;
                }
            }
            signatures = (int) publish.files().stream().filter(f -> f.role() == PublishReport.Role.SIGNATURE
                    && (f.outcome() == PublishReport.Outcome.UPLOADED || f.outcome() == PublishReport.Outcome.SKIPPED_IDENTICAL)).count();
        }
        return new CallSummary(report.kind(), report.status().name(), report.host() == null ? null : report.host().name(), ok, failed,
                compiled, cached, skipped, causes, durations,
                report.verification() == null ? null : report.verification().status().name(), published, publishFailed, signatures);
    }

    /** The share of packages served from cache, 0 to 1; 0 when nothing was built. */
    public double hitRatio() {
        return compiled + cached == 0 ? 0 : (double) cached / (compiled + cached);
    }

    /** Every call of a build added up, for its summary box. */
    public static CallSummary merge(List<CallSummary> calls) {
        int ok = 0;
        int failed = 0;
        int compiled = 0;
        int cached = 0;
        int skipped = 0;
        int published = 0;
        int publishFailed = 0;
        Integer signatures = null;
        String verification = null;
        String status = "SUCCESS";
        Map<String, Integer> causes = new LinkedHashMap<>();
        Map<String, Long> durations = new LinkedHashMap<>();
        for (CallSummary call : calls) {
            ok += call.targetsOk();
            failed += call.targetsFailed();
            compiled += call.compiled();
            cached += call.cached();
            skipped += call.skippedFiles();
            published += call.published();
            publishFailed += call.publishFailed();
            if (call.signatures() != null) {
                signatures = (signatures == null ? 0 : signatures) + call.signatures();
            }
            verification = worse(verification, call.verification(), List.of("PASS", "WARN", "FAIL"));
            status = worse(status, call.status(), List.of("SUCCESS", "CANCELLED", "FAILURE"));
            call.rootCauses().forEach((cause, count) -> causes.merge(cause, count, Integer::sum));
            String agent = call.agent() == null ? "" : " @ " + call.agent();
            call.targetDurations().forEach((target, ms) -> durations.put(target + agent, ms));
        }
        return new CallSummary("ALL", status, null, ok, failed, compiled, cached, skipped, causes, durations, verification, published,
                publishFailed, signatures);
    }

    /** The root causes accounting for the most packages first, at most limit of them. */
    public List<Map.Entry<String, Integer>> topRootCauses(int limit) {
        List<Map.Entry<String, Integer>> sorted = new ArrayList<>(rootCauses.entrySet());
        sorted.sort(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder()).thenComparing(Map.Entry.comparingByKey()));
        return sorted.subList(0, Math.min(limit, sorted.size()));
    }

    private static String worse(String a, String b, List<String> order) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        return order.indexOf(b) > order.indexOf(a) ? b : a;
    }
}
