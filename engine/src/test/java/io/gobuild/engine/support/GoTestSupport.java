package io.gobuild.engine.support;

import io.gobuild.engine.local.LocalHost;
import io.gobuild.engine.port.Host;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Shared fixtures of the tests that drive the real go command: one warm build cache under target/
 * for every test that does not measure caching, no network for modules, and copies of the bundled
 * example module.
 */
public final class GoTestSupport {
    private GoTestSupport() {
    }

    /** The repository's root, found from the module directory the tests run in. */
    public static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("examples/hello/go.mod"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("tests must run inside the gobuild repository");
        }
        return dir;
    }

    public static Path warmGoCache() {
        return repositoryRoot().resolve("target/test-go-cache");
    }

    /**
     * The test JVM's environment with the shared cache home (so a warm build cache under target/)
     * and no module proxy.
     */
    public static Map<String, String> environment() {
        Map<String, String> env = new HashMap<>(System.getenv());
        env.remove("GOCACHE");
        env.remove("GOMODCACHE");
        env.put("GOPROXY", "off");
        env.put("GOTELEMETRY", "off");
        env.put("XDG_CACHE_HOME", warmGoCache().resolve("xdg").toString());
        env.remove("GOFLAGS");
        env.remove("SOURCE_DATE_EPOCH");
        return env;
    }

    public static Host host(Path workingDirectory) {
        return LocalHost.of(environment(), workingDirectory.toString());
    }

    public static Host host(Path workingDirectory, Map<String, String> environment) {
        return LocalHost.of(environment, workingDirectory.toString());
    }

    /** A fresh copy of examples/hello under the directory. */
    public static Path copyExample(Path into) {
        return copyTree(repositoryRoot().resolve("examples/hello"), into.resolve("hello"));
    }

    public static Path copyTree(Path from, Path to) {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path source : (Iterable<Path>) files::iterator) {
                String relative = from.relativize(source).toString();
                Path target = to.resolve(relative);
                if (relative.equals("dist") || relative.startsWith("dist/")) {
                    continue;
                }
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return to;
    }

    /** The entries in a go build cache (not go's README and trim.txt); none when it was never made. */
    public static java.util.List<String> buildCacheEntries(Path goBuildCache) {
        if (!Files.isDirectory(goBuildCache)) {
            return java.util.List.of();
        }
        try (Stream<Path> files = Files.walk(goBuildCache)) {
            return files.filter(Files::isRegularFile).map(f -> goBuildCache.relativize(f).toString())
                    .filter(name -> !name.equals("README") && !name.equals("trim.txt")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void write(Path file, String content) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
