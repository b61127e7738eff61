package io.gobuild.engine.port;

import java.nio.charset.StandardCharsets;

/**
 * The part of a Go file that decides how go lists it: everything before its first top-level
 * declaration (func, type, var, const), that is the build constraints, the package clause, the
 * imports and the cgo preamble. go/build reads no further, except for //go:embed lines in a file
 * that imports "embed": such a file counts whole. A change below the header changes what compiles,
 * but not which files and packages there are, what they import, or which target leaves them out.
 */
public final class GoFileHeader {
    private static final String[] DECLARATIONS = {"func", "type", "var", "const"};

    private GoFileHeader() {
    }

    /**
     * The length of the header in the given start of a file, or -1 when that start does not hold
     * all of it (nor, for a file that imports "embed", the whole file).
     *
     * @param complete whether the bytes are the whole file
     */
    public static int length(byte[] start, int size, boolean complete) {
        int end = headerEnd(start, size, complete);
        if (end < 0) {
            return -1;
        }
        String header = new String(start, 0, end, StandardCharsets.UTF_8);
        boolean embeds = header.contains("\"embed\"") || header.contains("`embed`");
        return !embeds ? end : complete ? size : -1;
    }

    /** Where the first top-level declaration starts, skipping comments, strings and parentheses. */
    private static int headerEnd(byte[] s, int size, boolean complete) {
        int depth = 0;
        int i = 0;
        while (i < size) {
            byte c = s[i];
            if (c == '/' && i + 1 < size && s[i + 1] == '/') {
                int newline = indexOf(s, size, "\n", i);
                i = newline < 0 ? size : newline;
            } else if (c == '/' && i + 1 < size && s[i + 1] == '*') {
                int close = indexOf(s, size, "*/", i + 2);
                i = close < 0 ? size : close + 2;
            } else if (c == '"' || c == '\'') {
                i = endOfQuoted(s, size, i, c);
            } else if (c == '`') {
                int close = indexOf(s, size, "`", i + 1);
                i = close < 0 ? size : close + 1;
            } else if (c == '(') {
                depth++;
                i++;
            } else if (c == ')') {
                depth = Math.max(0, depth - 1);
                i++;
            } else if (isLetter(c) && (i == 0 || !isWordByte(s[i - 1]))) {
                int start = i;
                while (i < size && isWordByte(s[i])) {
                    i++;
                }
                if (i == size && !complete) {
                    return -1; // The word may go on beyond what was read.
                }
                if (depth == 0 && isDeclaration(s, start, i)) {
                    return start;
                }
            } else {
                i++;
            }
        }
        return complete ? size : -1;
    }

    private static boolean isDeclaration(byte[] s, int start, int end) {
        for (String keyword : DECLARATIONS) {
            if (end - start == keyword.length()
                    && new String(s, start, end - start, StandardCharsets.US_ASCII).equals(keyword)) {
                return true;
            }
        }
        return false;
    }

    private static int endOfQuoted(byte[] s, int size, int open, byte quote) {
        for (int i = open + 1; i < size; i++) {
            if (s[i] == '\\') {
                i++;
            } else if (s[i] == quote || s[i] == '\n') {
                return i + 1;
            }
        }
        return size;
    }

    private static int indexOf(byte[] s, int size, String text, int from) {
        byte[] t = text.getBytes(StandardCharsets.US_ASCII);
        outer:
        for (int i = from; i + t.length <= size; i++) {
            for (int j = 0; j < t.length; j++) {
                if (s[i + j] != t[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static boolean isLetter(byte c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' || c < 0;
    }

    private static boolean isWordByte(byte c) {
        return isLetter(c) || c >= '0' && c <= '9';
    }
}
