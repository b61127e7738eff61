package io.gobuild.engine.publish;

import io.gobuild.engine.local.LocalFilePort;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/** Release files are written to a temporary name and renamed, and are world-readable like any download. */
final class Staged {
    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    private Staged() {
    }

    /** A fresh temporary file beside the target, readable by everyone once in place. */
    static Path temp(Path target) throws IOException {
        Path temp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
        readable(temp);
        return temp;
    }

    static void readable(Path file) throws IOException {
        if (POSIX) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        }
    }

    /** Small files (checksums, signatures, provenance, the report) go through the local file port's atomic write. */
    static void write(Path target, byte[] content) throws IOException {
        new LocalFilePort().writeAtomically(target.toString(), content);
    }
}
