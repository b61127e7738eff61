package io.gobuild.engine.verify;

import io.gobuild.engine.report.Check;
import io.gobuild.engine.report.CheckStatus;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Records the module environment and warns about settings that switch checksum protection off. */
final class ModuleEnvironmentCheck implements ModuleCheck {
    static final List<String> VARIABLES = List.of("GOPROXY", "GOSUMDB", "GONOSUMDB", "GOPRIVATE", "GONOPROXY",
            "GOINSECURE", "GOFLAGS", "GOTOOLCHAIN");

    @Override
    public String id() {
        return "module-environment";
    }

    /** The variables as go sees them, for the report (credentials are masked by the caller). */
    static Map<String, String> environment(Map<String, String> goEnv) {
        Map<String, String> env = new LinkedHashMap<>();
        VARIABLES.forEach(v -> env.put(v, goEnv.getOrDefault(v, "")));
        return env;
    }

    @Override
    public Check run(VerifyContext context) {
        Map<String, String> env = environment(context.goEnv());
        List<String> findings = new ArrayList<>();
        if (env.get("GOSUMDB").equals("off")) {
            findings.add("GOSUMDB=off: module downloads are not checked against the checksum database");
        }
        if (!env.get("GOINSECURE").isEmpty()) {
            findings.add("GOINSECURE=" + env.get("GOINSECURE") + ": those modules may be fetched over plain HTTP");
        }
        for (String variable : List.of("GONOSUMDB", "GOPRIVATE")) {
            if (matchesEverything(env.get(variable))) {
                findings.add(variable + "=" + env.get(variable) + " matches every module: no module is checked against the checksum database");
            }
        }
        if (List.of(env.get("GOFLAGS").split("\\s+")).contains("-mod=mod")) {
            findings.add("GOFLAGS contains -mod=mod: go may update go.mod and go.sum during the build");
        }
        if (findings.isEmpty()) {
            return Check.pass(id(), "module environment keeps checksum verification on");
        }
        return new Check(id(), CheckStatus.WARN, findings.get(0) + (findings.size() > 1 ? " (+" + (findings.size() - 1) + " more)" : ""),
                findings);
    }

    /** A pattern list with a pattern of only wildcards and slashes matches every module path prefix. */
    private static boolean matchesEverything(String patterns) {
        for (String pattern : patterns.split(",")) {
            if (!pattern.isBlank() && pattern.trim().matches("[*/]+")) {
                return true;
            }
        }
        return false;
    }
}
