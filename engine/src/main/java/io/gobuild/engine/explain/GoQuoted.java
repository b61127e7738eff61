package io.gobuild.engine.explain;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Undoes Go's %q quoting (strconv.Quote) of a byte string. */
final class GoQuoted {
    private GoQuoted() {
    }

    static String unquote(String quoted) {
        // The usual trace line has only simple escapes (the trailing \n): decode it as characters.
        StringBuilder text = new StringBuilder(quoted.length());
        for (int i = 0; i < quoted.length(); i++) {
            char c = quoted.charAt(i);
            if (c != '\\' || i + 1 >= quoted.length()) {
                text.append(c);
                continue;
            }
            char e = quoted.charAt(++i);
            switch (e) {
                case 'n' -> text.append('\n');
                case 't' -> text.append('\t');
                case '"' -> text.append('"');
                case '\\' -> text.append('\\');
                default -> {
                    return unquoteBytes(quoted);
                }
            }
        }
        return text.toString();
    }

    /** The general case: escapes of single bytes (\x, octal) may spell UTF-8 sequences together. */
    private static String unquoteBytes(String quoted) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(quoted.length());
        for (int i = 0; i < quoted.length(); i++) {
            char c = quoted.charAt(i);
            if (c != '\\' || i + 1 >= quoted.length()) {
                byte[] encoded = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                if (Character.isHighSurrogate(c) && i + 1 < quoted.length()) {
                    encoded = quoted.substring(i, i + 2).getBytes(StandardCharsets.UTF_8);
                    i++;
                }
                bytes.writeBytes(encoded);
                continue;
            }
            char e = quoted.charAt(++i);
            switch (e) {
                case 'n' -> bytes.write('\n');
                case 't' -> bytes.write('\t');
                case 'r' -> bytes.write('\r');
                case 'a' -> bytes.write(7);
                case 'b' -> bytes.write('\b');
                case 'f' -> bytes.write('\f');
                case 'v' -> bytes.write(11);
                case 'x' -> {
                    bytes.write(Integer.parseInt(quoted.substring(i + 1, i + 3), 16));
                    i += 2;
                }
                case 'u' -> {
                    bytes.writeBytes(new String(Character.toChars(Integer.parseInt(quoted.substring(i + 1, i + 5), 16)))
                            .getBytes(StandardCharsets.UTF_8));
                    i += 4;
                }
                case 'U' -> {
                    bytes.writeBytes(new String(Character.toChars(Integer.parseInt(quoted.substring(i + 1, i + 9), 16)))
                            .getBytes(StandardCharsets.UTF_8));
                    i += 8;
                }
                default -> {
                    if (e >= '0' && e <= '7') {
                        bytes.write(Integer.parseInt(quoted.substring(i, i + 3), 8));
                        i += 2;
                    } else {
                        bytes.write(e);
                    }
                }
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
