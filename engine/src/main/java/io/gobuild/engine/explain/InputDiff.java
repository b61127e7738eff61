package io.gobuild.engine.explain;

import io.gobuild.engine.report.RebuildKind;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Compares an action's cache-key inputs with the recorded ones and names each difference by what it
 * means (cmd/go's buildActionID and linkActionID write one fact per line).
 */
final class InputDiff {
    private static final Pattern ENV_LINE = Pattern.compile("^[A-Z][A-Z0-9_ ]*=.*");
    private static final Pattern X_STAMP = Pattern.compile("-X[= ]?[^ \\]]*=[^ \\]]*");
    private static final Set<String> FLAG_KEYS = Set.of("goos", "buildmode", "omitdebug", "trimpath", "cover", "fuzz",
            "pgofile", "forcelibrary", "compile", "asm", "link");
    private static final Set<String> ENV_KEYS = Set.of("cgo", "magic");
    private static final Set<String> GO_LINE_KEYS = Set.of("go", "defaultgodebug");

    private InputDiff() {
    }

    static List<InputChange> changes(List<String> recorded, List<String> current) {
        Map<String, String> before = keyed(recorded);
        Map<String, String> after = keyed(current);
        Set<String> keys = new TreeSet<>(before.keySet());
        keys.addAll(after.keySet());
        List<InputChange> changes = new ArrayList<>();
        List<String> files = new ArrayList<>();
        for (String key : keys) {
            String was = before.get(key);
            String is = after.get(key);
            if (Objects.equals(was, is)) {
                continue;
            }
            InputChange change = change(key, was, is, before, after);
            if (change != null) {
                changes.add(change);
            }
        }
        return changes;
    }

    /** Each input line under a key that names the fact it records. */
    private static Map<String, String> keyed(List<String> lines) {
        Map<String, String> keyed = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isEmpty()) {
                continue;
            }
            String key;
            String value;
            String[] words = line.split(" ", 3);
            if (i == 0) {
                // The hash's salt (the go command's version) runs into the first line.
                key = "toolchain";
                value = line;
            } else if ((words[0].equals("file") || words[0].equals("import")) && words.length == 3 && !words[1].startsWith("\"")) {
                key = words[0] + " " + words[1];
                value = words[2];
            } else if (words[0].equals("packagefile") && line.indexOf('=') > 0) {
                key = "import " + line.substring("packagefile ".length(), line.indexOf('='));
                value = line.substring(line.indexOf('=') + 1);
            } else if (words[0].equals("packagemain")) {
                key = "packagemain";
                value = line;
            } else if (ENV_LINE.matcher(line).matches()) {
                key = line.substring(0, line.indexOf('='));
                value = line.substring(line.indexOf('=') + 1);
            } else {
                key = words[0];
                value = line;
            }
            String unique = key;
            for (int n = 2; keyed.containsKey(unique); n++) {
                unique = key + "#" + n;
            }
            keyed.put(unique, value);
        }
        return keyed;
    }

    private static InputChange change(String key, String was, String is, Map<String, String> before, Map<String, String> after) {
        String base = key.replaceFirst("#\\d+$", "");
        if (base.equals("toolchain")) {
            return new InputChange(RebuildKind.TOOLCHAIN_CHANGED, key, "the go command changed: " + shown(was) + " → " + shown(is), null);
        }
        if (base.startsWith("file ")) {
            String file = base.substring(5);
            String what = was == null ? "added" : is == null ? "removed" : "changed";
            return new InputChange(RebuildKind.SOURCE_CHANGED, key, file + " " + what, null);
        }
        if (base.startsWith("import ")) {
            return new InputChange(RebuildKind.DEPENDENCY_CHANGED, key, base.substring(7) + " changed", base.substring(7));
        }
        if (base.equals("packagemain")) {
            return new InputChange(RebuildKind.DEPENDENCY_CHANGED, key, "the main package changed", "");
        }
        if (base.equals("dir")) {
            if (was == null || is == null) {
                return new InputChange(RebuildKind.FLAGS_CHANGED, key, "-trimpath was turned " + (is == null ? "on" : "off"), null);
            }
            if (was.contains("@v") && is.contains("@v")) {
                return new InputChange(RebuildKind.MODULE_CHANGED, key, "module directory " + path(was) + " → " + path(is), null);
            }
            return new InputChange(RebuildKind.WORKSPACE_PATH_CHANGED, key,
                    "the package's directory moved: " + path(was) + " → " + path(is), null);
        }
        if (base.equals("module")) {
            if (was == null || is == null) {
                return null; // Reported with the dir line: -trimpath turned on or off.
            }
            return new InputChange(RebuildKind.MODULE_CHANGED, key, "module " + value(was, "module ") + " → " + value(is, "module "), null);
        }
        if (base.equals("modinfo")) {
            return new InputChange(RebuildKind.BUILD_INFO_CHANGED, key, "embedded build info changed: " + buildInfoChange(was, is), null);
        }
        if (base.equals("linkflags")) {
            // go quotes each flag ("-X" "main.version=1.2"): compare them unquoted.
            boolean onlyStamps = was != null && is != null
                    && X_STAMP.matcher(was.replace("\"", "")).replaceAll("-X").equals(X_STAMP.matcher(is.replace("\"", "")).replaceAll("-X"));
            return new InputChange(onlyStamps ? RebuildKind.BUILD_INFO_CHANGED : RebuildKind.FLAGS_CHANGED, key,
                    (onlyStamps ? "ldflags -X stamps changed: " : "ldflags changed: ") + value(was, "linkflags ") + " → " + value(is, "linkflags "), null);
        }
        if (base.equals("compile") || base.equals("asm") || base.equals("link")) {
            boolean toolChanged = !toolId(was).equals(toolId(is));
            return new InputChange(toolChanged ? RebuildKind.TOOLCHAIN_CHANGED : RebuildKind.FLAGS_CHANGED, key,
                    toolChanged ? "the " + base + " tool changed: " + toolId(was) + " → " + toolId(is)
                            : base + " flags changed: " + flags(was) + " → " + flags(is), null);
        }
        if (GO_LINE_KEYS.contains(base)) {
            return new InputChange(RebuildKind.GO_LINE_CHANGED, key, base.equals("go")
                    ? "go.mod's go line changed: " + shown(was) + " → " + shown(is)
                    : "the default GODEBUG settings changed (they follow go.mod's go line)", null);
        }
        if (ENV_KEYS.contains(base) || Character.isUpperCase(base.charAt(0))) {
            return new InputChange(RebuildKind.ENV_CHANGED, key, base + " changed: " + shown(was) + " → " + shown(is), null);
        }
        if (FLAG_KEYS.contains(base)) {
            return new InputChange(RebuildKind.FLAGS_CHANGED, key, base + " changed: " + shown(was) + " → " + shown(is), null);
        }
        return new InputChange(RebuildKind.FLAGS_CHANGED, key, "build setting '" + base + "' changed: " + shown(was) + " → " + shown(is), null);
    }

    private static String shown(String value) {
        return value == null ? "(none)" : value;
    }

    private static String path(String line) {
        return line.startsWith("dir ") ? line.substring(4) : line;
    }

    private static String value(String line, String prefix) {
        return line == null ? "(none)" : line.startsWith(prefix) ? line.substring(prefix.length()) : line;
    }

    /** The tool's identity: the words before the quoted flag lists. */
    private static String toolId(String line) {
        if (line == null) {
            return "(none)";
        }
        int quote = line.indexOf(" \"");
        int bracket = line.indexOf(" [");
        int end = quote < 0 ? bracket : bracket < 0 ? quote : Math.min(quote, bracket);
        return end < 0 ? line : line.substring(0, end);
    }

    private static String flags(String line) {
        return line == null ? "(none)" : line.substring(toolId(line).length()).trim();
    }

    /** The build info lines that differ, e.g. `build vcs.revision=abc → def`. */
    private static String buildInfoChange(String was, String is) {
        List<String> before = List.of(GoQuoted.unquote(value(was, "modinfo ").replaceAll("^\"|\"$", "")).split("\n"));
        List<String> after = List.of(GoQuoted.unquote(value(is, "modinfo ").replaceAll("^\"|\"$", "")).split("\n"));
        List<String> changed = new ArrayList<>();
        for (String line : after) {
            if (!before.contains(line) && !line.isBlank()) {
                changed.add(line.replace('\t', ' ').strip());
            }
        }
        return changed.isEmpty() ? "(lines removed)" : String.join("; ", changed);
    }
}
