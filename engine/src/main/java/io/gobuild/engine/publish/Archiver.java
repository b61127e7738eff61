package io.gobuild.engine.publish;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipParameters;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.TimeZone;
import java.util.zip.Deflater;

/**
 * Reproducible archives: entries sorted by name, one fixed modification time, owner root (0:0)
 * and modes 0755 for executables and 0644 otherwise, and no host-dependent header fields, so
 * packaging the same files twice gives the same bytes on any machine.
 */
final class Archiver {
    private static final int EXECUTABLE = 0755;
    private static final int REGULAR = 0644;
    /** The earliest time zip can store. */
    private static final Instant DOS_EPOCH = Instant.parse("1980-01-01T00:00:00Z");

    private Archiver() {
    }

    /** A file to put into an archive under a name. */
    record Entry(String name, Path file, boolean executable) {
    }

    /** Writes the archive to a temporary name beside target and renames it into place. */
    static void write(ArchiveFormat format, Path target, List<Entry> entries, Instant mtime) throws IOException {
        List<Entry> sorted = entries.stream().sorted(Comparator.comparing(Entry::name)).toList();
        Path temp = Staged.temp(target);
        try {
            try (OutputStream out = Files.newOutputStream(temp)) {
                switch (format) {
                    case TAR_GZ -> tarGz(out, sorted, mtime);
                    case ZIP -> zip(out, sorted, mtime);
                    case BINARY -> Files.copy(sorted.get(0).file(), out);
                }
            }
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static void tarGz(OutputStream out, List<Entry> entries, Instant mtime) throws IOException {
        GzipParameters gzip = new GzipParameters();
        gzip.setCompressionLevel(Deflater.BEST_COMPRESSION);
        gzip.setModificationTime(0);
        gzip.setOperatingSystem(255);
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new GzipCompressorOutputStream(out, gzip))) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
            for (Entry entry : entries) {
                TarArchiveEntry header = new TarArchiveEntry(entry.name());
                header.setSize(Files.size(entry.file()));
                header.setMode(TarArchiveEntry.DEFAULT_FILE_MODE & ~0777 | (entry.executable() ? EXECUTABLE : REGULAR));
                header.setModTime(mtime.toEpochMilli());
                header.setIds(0, 0);
                header.setUserName("root");
                header.setGroupName("root");
                tar.putArchiveEntry(header);
                Files.copy(entry.file(), tar);
                tar.closeArchiveEntry();
            }
            tar.finish();
        }
    }

    private static void zip(OutputStream out, List<Entry> entries, Instant mtime) throws IOException {
        try (ZipArchiveOutputStream zip = new ZipArchiveOutputStream(out)) {
            zip.setLevel(Deflater.BEST_COMPRESSION);
            zip.setCreateUnicodeExtraFields(ZipArchiveOutputStream.UnicodeExtraFieldPolicy.NEVER);
            for (Entry entry : entries) {
                ZipArchiveEntry header = new ZipArchiveEntry(entry.name());
                header.setUnixMode(0100000 | (entry.executable() ? EXECUTABLE : REGULAR));
                header.setTime(dosTimeShowingUtc(mtime));
                header.setSize(Files.size(entry.file()));
                zip.putArchiveEntry(header);
                Files.copy(entry.file(), zip);
                zip.closeArchiveEntry();
            }
            zip.finish();
        }
    }

    /**
     * Zip stores local time without a zone and converts through the JVM's default zone; shifting
     * by that zone's offset stores the UTC wall-clock time, the same on every machine.
     */
    private static long dosTimeShowingUtc(Instant mtime) {
        long millis = Math.max(mtime.toEpochMilli(), DOS_EPOCH.toEpochMilli());
        return millis - TimeZone.getDefault().getOffset(millis);
    }
}
