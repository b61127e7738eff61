package io.gobuild.engine.toolchain;

import java.util.Comparator;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A Go release version such as go1.26.8, go1.21 or go1.23rc1, ordered as the toolchain orders them. */
public record GoVersion(int major, int minor, int patch, String prerelease) implements Comparable<GoVersion> {
    public static final GoVersion MINIMUM_SUPPORTED = new GoVersion(1, 21, 0, "");
    private static final Pattern FORM = Pattern.compile("^(?:go)?(\\d+)\\.(\\d+)(?:\\.(\\d+))?((?:rc|beta)\\d+)?$");
    private static final Comparator<GoVersion> ORDER = Comparator.comparingInt(GoVersion::major)
            .thenComparingInt(GoVersion::minor)
            // A release candidate comes before the release (go1.23rc1 < go1.23.0).
            .thenComparing(v -> v.prerelease().isEmpty())
            .thenComparingInt(GoVersion::patch)
            .thenComparing(GoVersion::prerelease);

    public static Optional<GoVersion> parse(String text) {
        Matcher m = FORM.matcher(text.trim());
        if (!m.matches()) {
            return Optional.empty();
        }
        return Optional.of(new GoVersion(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                m.group(3) == null ? 0 : Integer.parseInt(m.group(3)), m.group(4) == null ? "" : m.group(4)));
    }

    /** The language version, e.g. 1.26, as go.mod's go line and release tags use it. */
    public String language() {
        return major + "." + minor;
    }

    public boolean atLeast(GoVersion other) {
        return compareTo(other) >= 0;
    }

    @Override
    public int compareTo(GoVersion other) {
        return ORDER.compare(this, other);
    }

    @Override
    public String toString() {
        return "go" + major + "." + minor + (prerelease.isEmpty() ? "." + patch : prerelease);
    }
}
