package io.gobuild.engine.step;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * The job-page trend of recent builds, laid out for an SVG of a fixed size: the cache hit ratio
 * and each target's build time, oldest build on the left. A CI view only draws the numbers.
 *
 * @param series one polyline per target ("points" attribute text), and "hit ratio" on its own scale
 */
public record Trend(int width, int height, List<String> builds, List<Series> series, long maxMillis) {
    public static final int WIDTH = 500;
    public static final int HEIGHT = 200;
    private static final int PAD = 24;

    /** One line of the chart. */
    public record Series(String name, String points, boolean ratio) {
    }

    /** A build of the trend: its label and its calls added up. */
    public record Point(String build, CallSummary summary) {
    }

    /** @param points the builds, oldest first */
    public static Trend of(List<Point> points) {
        TreeSet<String> targets = new TreeSet<>();
        long max = 1;
        for (Point p : points) {
            targets.addAll(p.summary().targetDurations().keySet());
            for (long ms : p.summary().targetDurations().values()) {
                max = Math.max(max, ms);
            }
        }
        List<Series> series = new ArrayList<>();
        StringBuilder ratio = new StringBuilder();
        for (int i = 0; i < points.size(); i++) {
            CallSummary s = points.get(i).summary();
            if (s.compiled() + s.cached() > 0) {
                append(ratio, x(i, points.size()), y(s.hitRatio()));
            }
        }
        series.add(new Series("hit ratio", ratio.toString().strip(), true));
        for (String target : targets) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < points.size(); i++) {
                Map<String, Long> durations = points.get(i).summary().targetDurations();
                if (durations.containsKey(target)) {
                    append(line, x(i, points.size()), y((double) durations.get(target) / max));
                }
            }
            series.add(new Series(target, line.toString().strip(), false));
        }
        return new Trend(WIDTH, HEIGHT, points.stream().map(Point::build).toList(), series, max);
    }

    private static double x(int index, int count) {
        return count <= 1 ? WIDTH / 2.0 : PAD + (WIDTH - 2.0 * PAD) * index / (count - 1);
    }

    /** Fraction 0..1 from the bottom of the plot area. */
    private static double y(double fraction) {
        return HEIGHT - PAD - (HEIGHT - 2.0 * PAD) * Math.max(0, Math.min(1, fraction));
    }

    private static void append(StringBuilder points, double x, double y) {
        points.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
    }
}
