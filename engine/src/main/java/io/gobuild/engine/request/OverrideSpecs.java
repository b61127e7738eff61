package io.gobuild.engine.request;

import io.gobuild.engine.secret.Redactor;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads per-target overrides written on one line each, `PATTERN:KEY=VALUE`, as command lines and
 * simple configuration fields give them: `windows/*:ldflags=-s -w -H windowsgui`,
 * `linux/arm/*:tags=netgo,osusergo`, `darwin/*:env=MACOSX_DEPLOYMENT_TARGET=11`, `linux/amd64:cgo=true`.
 * Lines with the same pattern make one override, in the order the patterns first appear.
 */
public final class OverrideSpecs {
    public static final List<String> KEYS = List.of("ldflags", "tags", "env", "cgo");

    private OverrideSpecs() {
    }

    public static List<TargetOverride> parse(List<String> specs) {
        Map<String, Draft> drafts = new LinkedHashMap<>();
        for (String spec : specs) {
            int colon = spec.indexOf(':');
            int eq = colon < 0 ? -1 : spec.indexOf('=', colon);
            if (colon <= 0 || eq < 0) {
                throw new UsageException("invalid override '" + Redactor.environmentEntry(spec) + "'; expected PATTERN:KEY=VALUE with KEY one of "
                        + String.join(", ", KEYS));
            }
            String key = spec.substring(colon + 1, eq);
            String value = spec.substring(eq + 1);
            Draft draft = drafts.computeIfAbsent(spec.substring(0, colon), p -> new Draft());
            switch (key) {
                case "ldflags" -> draft.ldflags = value;
                case "tags" -> draft.tags.addAll(List.of(value.split("[,\\s]+")));
                case "env" -> draft.env.add(value);
                case "cgo" -> draft.cgo = bool(spec, value);
                default -> throw new UsageException("invalid override key '" + key + "' in '" + spec.substring(0, eq)
                        + "'; accepted: " + String.join(", ", KEYS));
            }
        }
        List<TargetOverride> overrides = new ArrayList<>();
        drafts.forEach((pattern, d) -> overrides.add(new TargetOverride(pattern, d.ldflags, d.tags, d.env, d.cgo)));
        return overrides;
    }

    private static boolean bool(String spec, String value) {
        if (!value.equals("true") && !value.equals("false")) {
            throw new UsageException("invalid cgo value '" + value + "' in override '" + spec + "'; accepted: true, false");
        }
        return Boolean.parseBoolean(value);
    }

    private static final class Draft {
        private String ldflags;
        private final List<String> tags = new ArrayList<>();
        private final List<String> env = new ArrayList<>();
        private Boolean cgo;
    }
}
