package io.gobuild.engine.verify;

import com.fasterxml.jackson.core.type.TypeReference;
import io.gobuild.engine.port.AgentPaths;
import io.gobuild.engine.port.FilePort;
import io.gobuild.engine.port.Sha256;
import io.gobuild.engine.port.ShortHash;
import io.gobuild.engine.report.Check;
import io.gobuild.engine.report.ReportJson;
import io.gobuild.engine.toolchain.Toolchain;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The results of the slow checks (go.sum completeness, the module cache against its hashes and
 * go.sum, tidiness, vendor/), kept per module in the cache home and reused while nothing they
 * depend on was written since: go.mod, go.sum, every Go file and vendor/modules.txt of the module
 * (by name, size and modification time), each module directory and zip of go.sum in the module
 * cache (likewise), the Go version and the module environment. Anyone able to rewrite a module
 * cache file without changing its time can rewrite this memory too, since both live in the same
 * cache home, so reusing it proves as much as checking again.
 */
final class VerificationMemory {
    private final FilePort files;
    private final String path;
    private final String key;

    private VerificationMemory(FilePort files, String path, String key) {
        this.files = files;
        this.path = path;
        this.key = key;
    }

    /** What a previous run found, and when. */
    record Remembered(String at, List<Check> checks) {
    }

    /** The stored form. */
    record Stored(String key, String at, List<Check> checks) {
    }

    static VerificationMemory of(FilePort files, ModuleVerifier.Settings settings, Toolchain toolchain, Map<String, String> goEnv,
                                 Map<String, String> environment, GoSum goSum) throws IOException, InterruptedException {
        String modCache = goEnv.getOrDefault("GOMODCACHE", "");
        List<String> cached = new ArrayList<>();
        for (String module : new TreeMap<>(goSum.contentEntries()).keySet()) {
            int at = module.lastIndexOf('@');
            String escaped = ModulePaths.escape(module.substring(0, at));
            String version = ModulePaths.escape(module.substring(at + 1));
            cached.add(AgentPaths.join(modCache, escaped + "@" + version));
            String download = AgentPaths.join(modCache, "cache/download/" + escaped + "/@v/" + version);
            cached.add(download + ".zip");
            cached.add(download + ".ziphash");
        }
        StringBuilder key = new StringBuilder("gobuild verification memory v1\n");
        key.append(toolchain.versionText()).append('\n').append(settings.strict()).append(' ').append(settings.untidySeverity()).append('\n');
        new TreeMap<>(environment).forEach((k, v) -> key.append(k).append('=').append(v).append('\n'));
        for (String name : List.of("GOMODCACHE", "GOFLAGS", "GOWORK", "GOEXPERIMENT", "GOTOOLCHAIN", "GOINSECURE", "GONOSUMDB",
                "GONOSUMCHECK", "GOPRIVATE", "GOSUMDB", "GOPROXY")) {
            key.append(name).append('=').append(goEnv.getOrDefault(name, "")).append('\n');
        }
        key.append(settings.moduleFingerprint()).append('\n');
        key.append(files.fingerprint(cached, List.of())).append('\n');
        String path = AgentPaths.join(settings.stateDir(), ShortHash.of(settings.moduleDir()) + ".json");
        return new VerificationMemory(files, path, Sha256.of(key.toString()));
    }

    /** The remembered results when nothing they depend on changed, else null. */
    Remembered recall() throws IOException, InterruptedException {
        if (!files.exists(path)) {
            return null;
        }
        try {
            Stored stored = ReportJson.mapper().readValue(files.read(path), new TypeReference<Stored>() { });
            return key.equals(stored.key()) && stored.checks() != null && !stored.checks().isEmpty()
                    ? new Remembered(stored.at(), stored.checks()) : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    void remember(List<Check> checks) throws IOException, InterruptedException {
        files.writeAtomically(path, ReportJson.write(new Stored(key, Instant.now().toString(), checks)));
    }
}
