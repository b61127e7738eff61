package io.gobuild.engine.explain;

import io.gobuild.engine.port.FilePort.FileProcessor;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Reads the build ID go writes into what it builds, on the machine that holds the file: a
 * compiled package's archive names it in its header (`build id "ACTION/CONTENT"`), a binary in
 * an ELF note or at the start of its text (`\xff Go build ID: "…"`). Its first part is the
 * action ID of the compile or link that wrote it, in go's short form; null when the first
 * 32 KiB hold none (go's own reader looks no further for the formats go links).
 */
public final class GoBuildId implements FileProcessor<String> {
    private static final long serialVersionUID = 1L;
    private static final int LOOKED_AT = 1 << 15;
    private static final int FIRST_LOOK = 1 << 13;
    private static final byte[] ARCHIVE_MAGIC = "!<arch>\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] ELF_MAGIC = {0x7f, 'E', 'L', 'F'};
    private static final byte[] ARCHIVE = "\nbuild id \"".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] TEXT = "\u00ff Go build ID: \"".getBytes(StandardCharsets.ISO_8859_1);
    private static final byte[] NOTE_NAME = {'G', 'o', 0, 0};
    private static final int NOTE_TYPE = 4;

    /** Where go puts it, most files need the first few KiB only: the rest is read when those do not do. */
    @Override
    public String process(InputStream content) throws IOException {
        byte[] head = new byte[LOOKED_AT];
        int length = content.readNBytes(head, 0, FIRST_LOOK);
        String found = find(head, length);
        if (found == null && length == FIRST_LOOK) {
            length += content.readNBytes(head, length, LOOKED_AT - length);
            found = find(head, length);
        }
        return found;
    }

    static String find(byte[] data, int length) {
        if (startsWith(data, length, ARCHIVE_MAGIC)) {
            return quotedAfter(data, length, ARCHIVE);
        }
        return startsWith(data, length, ELF_MAGIC) ? elfNote(data, length) : quotedAfter(data, length, TEXT);
    }

    private static boolean startsWith(byte[] data, int length, byte[] magic) {
        return length >= magic.length && indexOf(data, magic.length, magic, 0) == 0;
    }

    /** The first part of a build ID: the action ID of what wrote the file. */
    static String actionPart(String buildId) {
        int slash = buildId.indexOf('/');
        return slash < 0 ? buildId : buildId.substring(0, slash);
    }

    /** The last part of a build ID: the content ID of what was written, which importers and the linker hash. */
    static String contentPart(String buildId) {
        return buildId.substring(buildId.lastIndexOf('/') + 1);
    }

    private static String quotedAfter(byte[] data, int length, byte[] marker) {
        int at = indexOf(data, length, marker, 0);
        if (at < 0) {
            return null;
        }
        int start = at + marker.length;
        for (int i = start; i < length && i - start < 256; i++) {
            if (data[i] == '"') {
                return new String(data, start, i - start, StandardCharsets.US_ASCII);
            }
        }
        return null;
    }

    /** An ELF note named "Go" of type 4, in either byte order: the build ID is its descriptor. */
    private static String elfNote(byte[] data, int length) {
        for (int at = indexOf(data, length, NOTE_NAME, 12); at >= 0; at = indexOf(data, length, NOTE_NAME, at + 1)) {
            int header = at - 12;
            for (boolean little : new boolean[]{true, false}) {
                if (word(data, header, little) == NOTE_NAME.length && word(data, header + 8, little) == NOTE_TYPE) {
                    int size = word(data, header + 4, little);
                    if (size > 0 && size < 256 && at + 4 + size <= length) {
                        return new String(data, at + 4, size, StandardCharsets.US_ASCII);
                    }
                }
            }
        }
        return null;
    }

    private static int word(byte[] data, int at, boolean little) {
        int b0 = data[at] & 0xff;
        int b1 = data[at + 1] & 0xff;
        int b2 = data[at + 2] & 0xff;
        int b3 = data[at + 3] & 0xff;
        return little ? b0 | b1 << 8 | b2 << 16 | b3 << 24 : b3 | b2 << 8 | b1 << 16 | b0 << 24;
    }

    private static int indexOf(byte[] data, int length, byte[] marker, int from) {
        byte first = marker[0];
        for (int i = Math.max(0, from); i <= length - marker.length; i++) {
            if (data[i] == first && java.util.Arrays.equals(data, i, i + marker.length, marker, 0, marker.length)) {
                return i;
            }
        }
        return -1;
    }
}
