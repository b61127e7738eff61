package io.gobuild.engine.verify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gobuild.engine.report.Check;
import io.gobuild.engine.report.CheckStatus;
import io.gobuild.engine.toolchain.GoInvocation;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Brings the modules the build needs into the module cache, the one step allowed on the network
 * (with the caller's proxy and credentials), on copies of go.mod and go.sum so the user's are never touched. With
 * everything cached it does not reach the network.
 */
final class DownloadCheck implements ModuleCheck {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public String id() {
        return "download";
    }

    @Override
    public Check run(VerifyContext context) throws IOException, InterruptedException {
        GoInvocation.Result result = context.online().run(context.scratch().requirements(), "mod", "download", "-json");
        List<String> failures = new ArrayList<>();
        int modules = 0;
        try (MappingIterator<JsonNode> it = JSON.readerFor(JsonNode.class).readValues(result.stdout())) {
            while (it.hasNext()) {
                JsonNode module = it.next();
                modules++;
                if (module.has("Error")) {
                    failures.add(module.path("Path").asText() + "@" + module.path("Version").asText() + ": "
                            + module.path("Error").asText().lines().findFirst().orElse(""));
                }
            }
        }
        if (!failures.isEmpty()) {
            return new Check(id(), CheckStatus.FAIL, "cannot download " + failures.get(0)
                    + (failures.size() > 1 ? " (+" + (failures.size() - 1) + " more)" : ""), failures);
        }
        if (!result.ok()) {
            return new Check(id(), CheckStatus.FAIL, "cannot download the module's dependencies: " + result.firstError(),
                    result.stderr());
        }
        return Check.pass(id(), modules + " dependency modules are in the module cache");
    }
}
