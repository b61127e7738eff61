package io.gobuild.engine.port;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;

/** 16 hex digits of sha256, to name directories on an agent after what they hold (a module path, a source). */
public final class ShortHash {
    private ShortHash() {
    }

    public static String of(String text) {
        return of(text.getBytes(StandardCharsets.UTF_8));
    }

    public static String of(byte[]... parts) {
        MessageDigest sha = Sha256.digest();
        for (byte[] part : parts) {
            sha.update(part);
        }
        return HexFormat.of().formatHex(sha.digest(), 0, 8);
    }
}
