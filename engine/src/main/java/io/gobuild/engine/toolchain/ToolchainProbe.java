package io.gobuild.engine.toolchain;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gobuild.engine.port.CommandPort.ProgramNotFoundException;
import io.gobuild.engine.port.Concurrently;
import io.gobuild.engine.request.UsageException;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds out which Go will build: `go version`, `go env -json` and `go tool dist list -json`, each
 * run once, in the module directory so that a GOTOOLCHAIN switch shows in what is reported.
 */
public final class ToolchainProbe {
    private static final Pattern VERSION_LINE = Pattern.compile("^go version (?:devel )?(go\\S+)(?: .*)? (\\S+)/(\\S+)$");
    /**
     * The go env variables read, by name: every one `go env` shows but the cgo flags (CGO_CFLAGS and
     * the like, PKG_CONFIG, GOGCCFLAGS). To show those, go env runs the C compiler several times
     * (0.1 s of CPU, and 0.6 s before the first build on a cold agent); gobuild reads none of them,
     * and the environment they come from is in every remembered query's key. A name this Go does not
     * know reads as its environment variable, or empty.
     */
    static final List<String> GO_ENV_NAMES = List.of("AR", "CC", "CGO_ENABLED", "CXX", "GCCGO", "GO111MODULE", "GOARCH",
            "GOAUTH", "GOBIN", "GOCACHE", "GOCACHEPROG", "GODEBUG", "GOENV", "GOEXE", "GOEXPERIMENT", "GOFIPS140", "GOFLAGS",
            "GOHOSTARCH", "GOHOSTOS", "GOINSECURE", "GOMOD", "GOMODCACHE", "GONOPROXY", "GONOSUMDB", "GOOS", "GOPATH",
            "GOPRIVATE", "GOPROXY", "GOROOT", "GOSUMDB", "GOTELEMETRY", "GOTELEMETRYDIR", "GOTMPDIR", "GOTOOLCHAIN",
            "GOTOOLDIR", "GOVCS", "GOVERSION", "GOWORK",
            "GO386", "GOAMD64", "GOARM", "GOARM64", "GOMIPS", "GOMIPS64", "GOPPC64", "GORISCV64", "GOWASM");

    public Toolchain probe(GoInvocation go, String moduleDir) throws IOException, InterruptedException {
        // The three calls are independent; run them at once, since each go start costs tens of milliseconds.
        Concurrently<GoInvocation.Result> env = Concurrently.start(() -> go.run(moduleDir, envArgs()));
        Concurrently<GoInvocation.Result> ports = Concurrently.start(() -> go.run(moduleDir, "tool", "dist", "list", "-json"));
        GoInvocation.Result version;
        try {
            version = go.run(moduleDir, "version");
        } catch (ProgramNotFoundException e) {
            env.cancel();
            ports.cancel();
            throw new UsageException("no Go toolchain: " + e.getMessage()
                    + "; gobuild needs Go " + GoVersion.MINIMUM_SUPPORTED.language() + " or newer (install it or pass --go PATH)");
        }
        if (!version.ok()) {
            throw new UsageException("'" + go.goProgram() + " version' failed: " + version.firstError());
        }
        String line = version.stdout().strip();
        Matcher m = VERSION_LINE.matcher(line);
        GoVersion parsed = m.matches() ? parseVersion(m.group(1)) : null;
        if (parsed == null) {
            throw new UsageException("cannot read the Go version from '" + line + "'; gobuild needs Go "
                    + GoVersion.MINIMUM_SUPPORTED.language() + " or newer");
        }
        if (!parsed.atLeast(GoVersion.MINIMUM_SUPPORTED)) {
            throw new UsageException("found " + m.group(1) + " at " + go.goProgram() + ", but gobuild needs Go "
                    + GoVersion.MINIMUM_SUPPORTED.language() + " or newer");
        }
        Map<String, String> goEnv = goEnv(env.get());
        return new Toolchain(parsed, m.group(1), go.goProgram(), goEnv.getOrDefault("GOROOT", ""),
                goEnv.getOrDefault("GOHOSTOS", m.group(2)), goEnv.getOrDefault("GOHOSTARCH", m.group(3)),
                go.environment().getOrDefault("GOTOOLCHAIN", ""), ports(ports.get()), goEnv);
    }

    private static String[] envArgs() {
        List<String> args = new java.util.ArrayList<>(List.of("env", "-json"));
        args.addAll(GO_ENV_NAMES);
        return args.toArray(String[]::new);
    }

    /** A devel toolchain names the release it leads up to (devel go1.27-abc): treat it as that release. */
    private static GoVersion parseVersion(String text) {
        String release = text.replaceFirst("-.*$", "");
        return GoVersion.parse(release).orElse(null);
    }

    private static Map<String, String> goEnv(GoInvocation.Result env) throws IOException {
        if (!env.ok()) {
            throw new UsageException("'go env -json' failed: " + env.firstError());
        }
        Map<String, Object> values = Json.MAPPER.readValue(env.stdout(), new TypeReference<Map<String, Object>>() { });
        Map<String, String> strings = new java.util.TreeMap<>();
        values.forEach((k, v) -> strings.put(k, String.valueOf(v)));
        return strings;
    }

    private static List<Port> ports(GoInvocation.Result list) throws IOException {
        if (!list.ok()) {
            throw new UsageException("'go tool dist list -json' failed: " + list.firstError());
        }
        List<Map<String, Object>> entries = Json.MAPPER.readValue(list.stdout(), new TypeReference<>() { });
        return entries.stream().map(e -> new Port((String) e.get("GOOS"), (String) e.get("GOARCH"),
                Boolean.TRUE.equals(e.get("CgoSupported")), Boolean.TRUE.equals(e.get("FirstClass")))).toList();
    }

    /** Loaded on first use, after the three go commands have started: loading Jackson takes a while on a cold JVM. */
    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper();
    }
}
