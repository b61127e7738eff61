package io.gobuild.engine.cache;

import io.gobuild.engine.port.FilePort;
import io.gobuild.engine.toolchain.Toolchain;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The key of a memo entry: what a go query's answer depends on, spelled out line by line. The
 * environment counts by its Go variables only (GO*, CGO_*, CC, CXX), so that a CI's per-build
 * variables (a build number, say) do not make every answer new.
 */
public final class QueryKey {
    /** Every file of a module whose change can change what go lists or how go/build judges a file. */
    public static final List<String> MODULE_FILES = List.of(".go", "go.mod", "go.sum", "go.work", "go.work.sum", "modules.txt");
    private final StringBuilder text;

    private QueryKey(String kind) {
        this.text = new StringBuilder("gobuild ").append(kind).append('\n');
    }

    /** A key for one kind of query, to which the toolchain and its go env belong always. */
    public static QueryKey of(String kind, Toolchain toolchain) {
        QueryKey key = new QueryKey(kind).add(toolchain.versionText()).add(toolchain.goroot());
        new TreeMap<>(toolchain.goEnv()).forEach((name, value) -> key.add(name + "=" + value));
        return key;
    }

    /** The names, sizes and times of the module's Go and module files. */
    public static String moduleFingerprint(FilePort files, String moduleDir) throws IOException, InterruptedException {
        return files.fingerprint(List.of(moduleDir), MODULE_FILES);
    }

    public QueryKey add(String part) {
        text.append(part.replace("\n", "\\n")).append('\n');
        return this;
    }

    public QueryKey add(List<String> parts) {
        return add(String.join("\u0000", parts));
    }

    /** The Go variables of an environment a query runs with. */
    public QueryKey environment(Map<String, String> environment) {
        new TreeMap<>(environment).forEach((name, value) -> {
            if (name.startsWith("GO") || name.startsWith("CGO_") || name.equals("CC") || name.equals("CXX")) {
                add(name + "=" + value);
            }
        });
        return this;
    }

    @Override
    public String toString() {
        return text.toString();
    }
}
