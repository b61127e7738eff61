package io.gobuild.engine.local;

import io.gobuild.engine.port.FileEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A directory that changes while it is read (go's temporary files, the action graph removed by
 * the explanation while the binaries are placed) is read as it was or as it is, file by file:
 * a file gone between the listing and its attributes is not an error.
 */
class ChangingDirectoryTest {
    @TempDir
    Path temp;

    @Test
    void filesThatComeAndGoDoNotFailListingsOrWalks() throws Exception {
        Path dir = Files.createDirectories(temp.resolve("module"));
        Files.writeString(dir.resolve("go.mod"), "module example.com/m\n");
        Files.writeString(dir.resolve("main.go"), "package main\n\nfunc main() {}\n");
        LocalFilePort files = new LocalFilePort();
        AtomicBoolean stop = new AtomicBoolean();
        Thread churn = new Thread(() -> {
            for (int i = 0; !stop.get(); i++) {
                Path file = dir.resolve("tmp" + (i % 50) + ".go");
                try {
                    Files.writeString(file, "package main\n");
                    Files.deleteIfExists(file);
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
        });
        churn.start();
        try {
            for (int round = 0; round < 300; round++) {
                List<FileEntry> listed = files.list(dir.toString());
                assertThat(listed).extracting(FileEntry::name).contains("go.mod", "main.go");
                files.fingerprint(List.of(dir.toString()), List.of(".go", "go.mod"));
                files.contentFingerprint(List.of(dir.toString()), List.of(".go", "go.mod"));
                files.stamp(dir.toString(), List.of());
            }
        } finally {
            stop.set(true);
            churn.join();
        }
    }
}
