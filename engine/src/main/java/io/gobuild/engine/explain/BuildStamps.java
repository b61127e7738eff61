package io.gobuild.engine.explain;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a new commit changes in the cache keys of a main package and its link, as go writes them:
 * the VCS settings of the embedded build info (`modinfo`) and the linker flags with their `-X`
 * stamps (`linkflags`). With these, a build after a commit in a git checkout is explained from the
 * action graph too; anything computed wrongly here fails the check against go's action ID and
 * falls back to the trace.
 *
 * @param revision the checkout's commit (vcs.revision), null outside a git checkout
 * @param time     its commit time, RFC 3339 in UTC (vcs.time)
 * @param modified whether the work tree differs from it (vcs.modified)
 * @param ldflags  the build's -ldflags as go splits them, null when it has none or gives them per package
 */
public record BuildStamps(String revision, String time, Boolean modified, List<String> ldflags) {
    private static final Pattern PSEUDO_VERSION = Pattern.compile("^(v\\d+\\.\\d+\\.\\d+-(?:[0-9A-Za-z.]+\\.)?(?:0\\.)?)\\d{14}-[0-9a-f]{12}$");
    private static final DateTimeFormatter PSEUDO_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(ZoneOffset.UTC);

    public BuildStamps {
        ldflags = ldflags == null ? null : List.copyOf(ldflags);
    }

    /** The recorded `modinfo "…"` line with the VCS settings of this build, or null when that cannot be written. */
    String modinfo(String recordedLine) {
        if (revision == null || time == null || modified == null || !recordedLine.startsWith("modinfo \"")
                || !recordedLine.endsWith("\"")) {
            return null;
        }
        String info = GoQuoted.unquote(recordedLine.substring("modinfo \"".length(), recordedLine.length() - 1));
        List<String> lines = new ArrayList<>();
        for (String line : info.split("\n", -1)) {
            if (line.startsWith("build\tvcs.revision=")) {
                line = "build\tvcs.revision=" + revision;
            } else if (line.startsWith("build\tvcs.time=")) {
                line = "build\tvcs.time=" + time;
            } else if (line.startsWith("build\tvcs.modified=")) {
                line = "build\tvcs.modified=" + modified;
            } else if (line.startsWith("mod\t")) {
                line = mainModule(line);
            }
            lines.add(line);
        }
        String quoted = quote(String.join("\n", lines));
        return quoted == null ? null : "modinfo " + quoted;
    }

    /**
     * The main module's line with the pseudo-version go derives from the checkout
     * (`v0.0.0-20261122202055-3eb9fe0cdb60`, `+dirty` when modified) moved to this commit; a
     * version from a tag is left as it was (go would name another, and the check falls back).
     */
    private String mainModule(String line) {
        String[] fields = line.split("\t", -1);
        if (fields.length < 3) {
            return line;
        }
        Matcher pseudo = PSEUDO_VERSION.matcher(fields[2].replace("+dirty", ""));
        if (!pseudo.matches() || revision.length() < 12) {
            return line;
        }
        String stamp = PSEUDO_TIME.format(Instant.parse(time));
        fields[2] = pseudo.group(1) + stamp + "-" + revision.substring(0, 12) + (modified ? "+dirty" : "");
        return String.join("\t", fields);
    }

    /** `linkflags [...]` for this build's -ldflags, or null when they are not known. */
    String linkflags() {
        if (ldflags == null) {
            return null;
        }
        List<String> quoted = new ArrayList<>();
        for (String field : ldflags) {
            String q = quote(field);
            if (q == null) {
                return null;
            }
            quoted.add(q);
        }
        return "linkflags [" + String.join(" ", quoted) + "]";
    }

    /** strconv.Quote for text of printable ASCII, tabs and newlines; null for anything else. */
    static String quote(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16).append('"');
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || c > 0x7e) {
                        return null;
                    }
                    out.append(c);
                }
            }
        }
        return out.append('"').toString();
    }
}
