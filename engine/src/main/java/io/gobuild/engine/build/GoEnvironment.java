package io.gobuild.engine.build;

import io.gobuild.engine.matrix.VariantVariable;
import io.gobuild.engine.request.BuildRequest;
import io.gobuild.engine.request.UsageException;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The explicit environment of every `go` child: the caller's environment without the variables that
 * choose what and how Go builds, which gobuild then sets itself for each target, so that nothing
 * leaks from the agent's environment or from one target into another. The build and module caches
 * are the cache home's, shared by every job on the agent.
 */
public final class GoEnvironment {
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern GOTOOLCHAIN = Pattern.compile("local|auto|path|go\\d+\\.\\d+(\\.\\d+|rc\\d+)?(\\+(auto|path))?");
    private static final Map<String, String> CONTROLLED = controlled();
    private final Map<String, String> base;

    private GoEnvironment(Map<String, String> base) {
        this.base = Map.copyOf(base);
    }

    private static Map<String, String> controlled() {
        Map<String, String> controlled = new LinkedHashMap<>();
        controlled.put("GOOS", "choose targets instead");
        controlled.put("GOARCH", "choose targets instead");
        controlled.put("CGO_ENABLED", "use the cgo option");
        controlled.put("GOFLAGS", "use the goflags option");
        controlled.put("GOTOOLCHAIN", "use the gotoolchain option");
        controlled.put("GOCACHE", "the build cache lives in the cache home; use the cacheDir option");
        controlled.put("GOMODCACHE", "the module cache lives in the cache home; use the cacheDir option");
        for (String variable : VariantVariable.names()) {
            controlled.put(variable, "name the variant in the target, e.g. linux/amd64/v3");
        }
        return controlled;
    }

    /**
     * The environment for a request: the caller's variables less the controlled ones, plus
     * GOFLAGS and GOTOOLCHAIN from the request and the request's extra variables.
     */
    public static GoEnvironment of(Map<String, String> callerEnvironment, BuildRequest request, CacheHome cacheHome) {
        if (!GOTOOLCHAIN.matcher(request.gotoolchain()).matches()) {
            throw new UsageException("invalid gotoolchain '" + request.gotoolchain()
                    + "'; accepted: local, auto, path, or a version such as go1.22.5 (optionally +auto or +path)");
        }
        Map<String, String> env = new TreeMap<>(callerEnvironment);
        env.keySet().removeAll(CONTROLLED.keySet());
        env.put("GOFLAGS", request.goflags());
        env.put("GOTOOLCHAIN", request.gotoolchain());
        env.put("GOCACHE", cacheHome.goBuildCache());
        env.put("GOMODCACHE", cacheHome.goModCache());
        env.putAll(parse(request.env(), "env"));
        return new GoEnvironment(env);
    }

    /** The caller's controlled variables that gobuild replaces with another value, for a warning. */
    public Set<String> overridden(Map<String, String> callerEnvironment) {
        Set<String> overridden = new TreeSet<>();
        for (String name : CONTROLLED.keySet()) {
            String callers = callerEnvironment.get(name);
            if (callers != null && !callers.isEmpty() && !callers.equals(base.get(name))) {
                overridden.add(name + "=" + callers);
            }
        }
        return overridden;
    }

    /** `KEY=value` entries as a map, rejecting malformed entries and the variables gobuild controls. */
    public static Map<String, String> parse(List<String> entries, String option) {
        Map<String, String> parsed = new LinkedHashMap<>();
        for (String entry : entries) {
            int eq = entry.indexOf('=');
            String name = eq < 0 ? entry : entry.substring(0, eq);
            if (eq <= 0 || !NAME.matcher(name).matches()) {
                throw new UsageException("invalid " + option + " entry '" + name + (eq < 0 ? "" : "=...")
                        + "'; expected KEY=value");
            }
            if (CONTROLLED.containsKey(name)) {
                throw new UsageException("invalid " + option + " entry '" + name + "': gobuild sets " + name
                        + " itself; " + CONTROLLED.get(name));
            }
            parsed.put(name, entry.substring(eq + 1));
        }
        return parsed;
    }

    public Map<String, String> base() {
        return base;
    }

    /** The environment of one target's `go` calls. */
    public Map<String, String> forTarget(Map<String, String> targetVariables, boolean cgo, Map<String, String> extra) {
        Map<String, String> env = new TreeMap<>(base);
        env.putAll(targetVariables);
        env.put("CGO_ENABLED", cgo ? "1" : "0");
        env.putAll(extra);
        return env;
    }
}
