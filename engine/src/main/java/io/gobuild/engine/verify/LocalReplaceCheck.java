package io.gobuild.engine.verify;

import com.fasterxml.jackson.databind.JsonNode;
import io.gobuild.engine.report.Check;
import io.gobuild.engine.report.CheckStatus;

import java.util.ArrayList;
import java.util.List;

/** `replace` directives that point at directories: the build then depends on the agent's disk. */
final class LocalReplaceCheck implements ModuleCheck {
    @Override
    public String id() {
        return "local-replace";
    }

    @Override
    public Check run(VerifyContext context) {
        List<String> local = new ArrayList<>();
        for (JsonNode replace : context.goMod().path("Replace")) {
            JsonNode target = replace.path("New");
            if (target.path("Version").asText("").isEmpty()) {
                JsonNode old = replace.path("Old");
                String from = old.path("Path").asText() + (old.path("Version").asText("").isEmpty() ? "" : "@" + old.path("Version").asText());
                local.add(from + " => " + target.path("Path").asText());
            }
        }
        if (local.isEmpty()) {
            return Check.pass(id(), "no replace directive points at a local directory");
        }
        return new Check(id(), CheckStatus.WARN, "go.mod replaces " + local.get(0)
                + (local.size() > 1 ? " (+" + (local.size() - 1) + " more)" : "")
                + ": the build depends on a directory of the agent's disk", local);
    }
}
