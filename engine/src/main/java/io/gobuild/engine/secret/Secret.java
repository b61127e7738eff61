package io.gobuild.engine.secret;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A passphrase or token. It never prints itself, so a secret that reaches a log line, an exception
 * message or a report by accident shows as a mask.
 */
public final class Secret implements Serializable {
    private static final long serialVersionUID = 1L;
    private final char[] value;

    private Secret(char[] value) {
        this.value = value.clone();
    }

    public static Secret of(String value) {
        return new Secret(value.toCharArray());
    }

    /** A secret read from a file: one trailing line break is not part of it (editors add one). */
    public static Secret fromFile(byte[] content) {
        String text = new String(content, StandardCharsets.UTF_8);
        if (text.endsWith("\r\n")) {
            text = text.substring(0, text.length() - 2);
        } else if (text.endsWith("\n")) {
            text = text.substring(0, text.length() - 1);
        }
        return of(text);
    }

    public char[] chars() {
        return value.clone();
    }

    public String reveal() {
        return new String(value);
    }

    public byte[] utf8() {
        return reveal().getBytes(StandardCharsets.UTF_8);
    }

    public boolean isEmpty() {
        return value.length == 0;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Secret s && Arrays.equals(value, s.value);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(value);
    }

    @Override
    public String toString() {
        return Redactor.MASK;
    }
}
