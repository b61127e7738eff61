package io.gobuild.engine.publish;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** A release directory on the local file system (a mounted share, a web server's root). */
final class DirectoryDestination implements Destination {
    private final Path root;

    DirectoryDestination(Path root) {
        this.root = root;
    }

    @Override
    public String location(String name) {
        return root.resolve(name).toString();
    }

    @Override
    public Existing stat(String name) throws IOException {
        Path file = root.resolve(name);
        if (!Files.isRegularFile(file)) {
            return Files.exists(file) ? new Existing(-1, "(not a regular file)", null) : null;
        }
        long size = Files.size(file);
        try (InputStream in = Files.newInputStream(file)) {
            return new Existing(size, io.gobuild.engine.port.Sha256.of(in), size <= SMALL ? Files.readAllBytes(file) : null);
        }
    }

    @Override
    public void put(String name, Path file, String sha256, long size) throws IOException, InterruptedException {
        Path target = root.resolve(name);
        Files.createDirectories(target.getParent());
        Path temp = target.resolveSibling("." + target.getFileName() + "." + sha256.substring(0, 12) + ".part");
        try {
            Files.copy(file, temp, StandardCopyOption.REPLACE_EXISTING);
            Staged.readable(temp);
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
