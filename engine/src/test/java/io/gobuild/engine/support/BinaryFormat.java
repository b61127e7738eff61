package io.gobuild.engine.support;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** Tells executable formats apart by their magic numbers. */
public enum BinaryFormat {
    ELF, PE, MACH_O, UNKNOWN;

    public static BinaryFormat of(Path file) throws IOException {
        byte[] head = new byte[4];
        try (InputStream in = Files.newInputStream(file)) {
            if (in.readNBytes(head, 0, 4) < 4) {
                return UNKNOWN;
            }
        }
        if (head[0] == 0x7f && head[1] == 'E' && head[2] == 'L' && head[3] == 'F') {
            return ELF;
        }
        if (head[0] == 'M' && head[1] == 'Z') {
            return PE;
        }
        // 64-bit Mach-O, little-endian: cf fa ed fe.
        if ((head[0] & 0xff) == 0xcf && (head[1] & 0xff) == 0xfa && (head[2] & 0xff) == 0xed && (head[3] & 0xff) == 0xfe) {
            return MACH_O;
        }
        return UNKNOWN;
    }
}
