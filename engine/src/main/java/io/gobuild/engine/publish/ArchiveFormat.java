package io.gobuild.engine.publish;

import io.gobuild.engine.request.UsageException;

import java.util.Arrays;
import java.util.Locale;

/** How a target's binaries are packaged. */
public enum ArchiveFormat {
    TAR_GZ("tar.gz"),
    ZIP("zip"),
    /** The bare binary, one release file per binary. */
    BINARY("binary");

    private final String spelling;

    ArchiveFormat(String spelling) {
        this.spelling = spelling;
    }

    public String spelling() {
        return spelling;
    }

    /** The format for a target: the one asked for, or by default zip for windows and tar.gz elsewhere. */
    public static ArchiveFormat forTarget(ArchiveFormat asked, String goos) {
        return asked != null ? asked : "windows".equals(goos) ? ZIP : TAR_GZ;
    }

    /** Parses a user's spelling; "auto" (or nothing) means the per-target default. */
    public static ArchiveFormat parse(String text) {
        if (text == null || text.isBlank() || text.equalsIgnoreCase("auto")) {
            return null;
        }
        String wanted = text.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(f -> f.spelling.equals(wanted) || (f == TAR_GZ && wanted.equals("tgz")))
                .findFirst().orElseThrow(() -> new UsageException("unknown archive format '" + text
                        + "'; accepted: auto, tar.gz, zip, binary"));
    }
}
