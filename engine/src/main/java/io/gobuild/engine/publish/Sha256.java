package io.gobuild.engine.publish;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** The sha256 of a local file (publishing reads release files where it runs). */
final class Sha256 {
    private Sha256() {
    }

    static String of(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return io.gobuild.engine.port.Sha256.of(in);
        }
    }
}
