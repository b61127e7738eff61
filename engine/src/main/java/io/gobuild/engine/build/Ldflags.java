package io.gobuild.engine.build;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads ldflags the way the go command splits them (space-separated, single or double quotes), to
 * find the `-X importpath.name=value` stamps whose landing gobuild checks.
 */
public final class Ldflags {
    private Ldflags() {
    }

    /** The -X assignments, as `name=value` strings. */
    public static List<Stamp> stamps(String ldflags) {
        List<String> words = split(ldflags);
        List<Stamp> stamps = new ArrayList<>();
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i);
            String assignment = null;
            if ((word.equals("-X") || word.equals("--X")) && i + 1 < words.size()) {
                assignment = words.get(++i);
            } else if (word.startsWith("-X=") || word.startsWith("--X=")) {
                assignment = word.substring(word.indexOf('=') + 1);
            }
            int eq = assignment == null ? -1 : assignment.indexOf('=');
            if (eq > 0) {
                stamps.add(new Stamp(assignment.substring(0, eq), assignment.substring(eq + 1)));
            }
        }
        return stamps;
    }

    /** The words of ldflags as cmd/internal/quoted.Split makes them. */
    public static List<String> split(String text) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        char quote = 0;
        for (char c : text.toCharArray()) {
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else {
                    word.append(c);
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
                inWord = true;
            } else if (Character.isWhitespace(c)) {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
            } else {
                word.append(c);
                inWord = true;
            }
        }
        if (inWord) {
            words.add(word.toString());
        }
        return words;
    }

    /** One `-X name=value`. */
    public record Stamp(String name, String value) {
    }
}
