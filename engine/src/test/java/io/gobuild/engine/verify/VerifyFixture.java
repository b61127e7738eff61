package io.gobuild.engine.verify;

import io.gobuild.engine.GoBuildEngine;
import io.gobuild.engine.report.BuildReport;
import io.gobuild.engine.report.Check;
import io.gobuild.engine.report.CheckStatus;
import io.gobuild.engine.request.BuildRequest;
import io.gobuild.engine.support.GoCommand;
import io.gobuild.engine.support.GoTestSupport;
import io.gobuild.engine.support.ModuleProxy;
import io.gobuild.engine.support.RecordingLog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * A module `example.com/app` whose main package uses `example.com/dep` v1.0.0 from a file:// proxy,
 * with go.sum written by the real go command and a module cache of its own.
 */
final class VerifyFixture {
    static final String DEP_SOURCE = "package dep\n\n// Hello greets.\nfunc Hello() string { return \"hello from dep\" }\n";
    final Path root;
    final ModuleProxy proxy;
    final Path app;
    final Path modCache;
    final Map<String, String> env;
    final RecordingLog log = new RecordingLog();

    VerifyFixture(Path root) {
        this.root = root;
        this.proxy = new ModuleProxy(root.resolve("proxy"))
                .publish("example.com/dep", "v1.0.0", Map.of("dep.go", DEP_SOURCE))
                .publish("example.com/unused", "v1.0.0", Map.of("unused.go", "package unused\n"));
        this.app = root.resolve("app");
        this.modCache = cacheHome(root.resolve("cache-home")).resolve("go-mod");
        this.env = new HashMap<>(GoTestSupport.environment());
        env.put("GOPROXY", proxy.url());
        env.put("XDG_CACHE_HOME", root.resolve("cache-home").toString());
        env.put("GOMODCACHE", modCache.toString());
        env.put("GONOSUMDB", "example.com");
        env.remove("GOSUMDB");
        GoTestSupport.write(app.resolve("go.mod"), "module example.com/app\n\ngo 1.21\n\nrequire example.com/dep v1.0.0\n");
        GoTestSupport.write(app.resolve("main.go"), "package main\n\nimport (\n\t\"fmt\"\n\n\t\"example.com/dep\"\n)\n\n"
                + "func main() { fmt.Println(dep.Hello()) }\n");
        go(app, "mod", "tidy");
    }

    /** gobuild's cache home under an XDG_CACHE_HOME. */
    static Path cacheHome(Path xdgCacheHome) {
        return xdgCacheHome.resolve("gobuild");
    }

    /** Points gobuild (and setup commands) at another cache home, so at another module cache. */
    void useCacheHome(Path xdgCacheHome) {
        env.put("XDG_CACHE_HOME", xdgCacheHome.toString());
        env.put("GOMODCACHE", cacheHome(xdgCacheHome).resolve("go-mod").toString());
    }

    String go(Path dir, String... args) {
        Map<String, String> setup = new HashMap<>(env);
        setup.put("GOFLAGS", "-modcacherw");
        return GoCommand.run(dir, setup, args);
    }

    BuildReport verify(BuildRequest.Builder request) throws Exception {
        BuildRequest built = request.moduleDir(app.toString()).build();
        if (built.goflags().isEmpty()) {
            // The module cache stays deletable by the test's clean-up.
            built = built.toBuilder().goflags("-modcacherw").build();
        }
        return new GoBuildEngine(GoTestSupport.host(app, env), log).verify(built);
    }

    BuildReport verify() throws Exception {
        return verify(BuildRequest.builder());
    }

    static Check check(BuildReport report, String id) {
        return report.verification().checks().stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow();
    }

    static Map<String, CheckStatus> statuses(BuildReport report) {
        Map<String, CheckStatus> statuses = new TreeMap<>();
        report.verification().checks().forEach(c -> statuses.put(c.id(), c.status()));
        return statuses;
    }

    /** sha256 of go.mod, go.sum and every file under vendor/, to prove verification wrote nothing. */
    Map<String, String> userFiles() {
        Map<String, String> hashes = new TreeMap<>();
        try (Stream<Path> files = Files.walk(app)) {
            for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                String name = app.relativize(file).toString();
                if (name.equals("go.mod") || name.equals("go.sum") || name.startsWith("vendor/")) {
                    hashes.put(name, HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file))));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        return hashes;
    }

    void edit(String file, String from, String to) throws IOException {
        Path path = app.resolve(file);
        String content = Files.readString(path);
        if (!content.contains(from)) {
            throw new IllegalStateException(file + " has no '" + from + "'");
        }
        Files.writeString(path, content.replace(from, to));
    }
}
