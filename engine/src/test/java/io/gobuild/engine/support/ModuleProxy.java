package io.gobuild.engine.support;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A Go module proxy in a directory, as GOPROXY=file://... reads it: for each module version
 * `<module>/@v/list`, `.info`, `.mod` and `.zip`, from modules the test writes.
 */
public final class ModuleProxy {
    private final Path root;

    public ModuleProxy(Path root) {
        this.root = root;
    }

    public Path root() {
        return root;
    }

    public String url() {
        return root.toUri().toString().replaceFirst("/$", "");
    }

    /** Publishes a module version whose go.mod is `module PATH` plus the given files (name to content). */
    public ModuleProxy publish(String module, String version, Map<String, String> files) {
        Map<String, String> all = new TreeMap<>(files);
        all.putIfAbsent("go.mod", "module " + module + "\n\ngo 1.21\n");
        Path dir = root.resolve(escape(module)).resolve("@v");
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("list"), version + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            Files.writeString(dir.resolve(version + ".info"), "{\"Version\":\"" + version + "\",\"Time\":\"2026-01-01T00:00:00Z\"}");
            Files.writeString(dir.resolve(version + ".mod"), all.get("go.mod"));
            try (OutputStream out = Files.newOutputStream(dir.resolve(version + ".zip"));
                 ZipOutputStream zip = new ZipOutputStream(out)) {
                for (Map.Entry<String, String> file : all.entrySet()) {
                    zip.putNextEntry(new ZipEntry(module + "@" + version + "/" + file.getKey()));
                    zip.write(file.getValue().getBytes(StandardCharsets.UTF_8));
                    zip.closeEntry();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    private static String escape(String path) {
        StringBuilder escaped = new StringBuilder();
        for (char c : path.toCharArray()) {
            escaped.append(Character.isUpperCase(c) ? "!" + Character.toLowerCase(c) : String.valueOf(c));
        }
        return escaped.toString();
    }
}
