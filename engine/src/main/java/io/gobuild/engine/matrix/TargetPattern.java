package io.gobuild.engine.matrix;

import java.util.regex.Pattern;

/**
 * A target with `*` wildcards, for exclude lists and per-target overrides: `windows/*`,
 * `*&#47;arm64`, `linux/arm/*`. Without a variant part it matches every variant of the port.
 */
public record TargetPattern(String text) {
    private static final Pattern FORM = Pattern.compile("^[a-z0-9*]+/[a-z0-9*]+(/[a-z0-9.,*]+)?$");

    public static boolean isValid(String text) {
        return FORM.matcher(text).matches();
    }

    public boolean matches(Target target) {
        String[] parts = text.split("/");
        return glob(parts[0], target.goos()) && glob(parts[1], target.goarch())
                && (parts.length < 3 || glob(parts[2], target.variant()));
    }

    private static boolean glob(String pattern, String value) {
        return Pattern.matches(Pattern.quote(pattern).replace("*", "\\E.*\\Q"), value);
    }
}
