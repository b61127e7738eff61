package io.gobuild.engine.request;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Sizes as people write them: 500M, 10G, 1.5GiB, 2048 (bytes). Binary units: 1K = 1024 bytes. */
public final class ByteSize {
    private static final Pattern FORM = Pattern.compile("^(\\d+(?:\\.\\d+)?)\\s*([KMGT]?)(?:I?B)?$");

    private ByteSize() {
    }

    /** A size for people: 1.5 MiB, 120.6 KiB, 512 B. */
    public static String format(long bytes) {
        if (bytes >= 1 << 20) {
            return String.format(Locale.ROOT, "%.1f MiB", bytes / 1048576.0);
        }
        return bytes >= 1024 ? String.format(Locale.ROOT, "%.1f KiB", bytes / 1024.0) : bytes + " B";
    }

    public static long parse(String text, String option) {
        Matcher m = FORM.matcher(text.trim().toUpperCase(Locale.ROOT));
        if (!m.matches()) {
            throw new UsageException("invalid " + option + " '" + text + "'; expected a size such as 500M, 10G or 1.5GiB");
        }
        int power = "KMGT".indexOf(m.group(2)) + 1;
        return (long) (Double.parseDouble(m.group(1)) * Math.pow(1024, power));
    }
}
