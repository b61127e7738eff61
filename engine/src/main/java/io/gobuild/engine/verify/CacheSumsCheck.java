package io.gobuild.engine.verify;

import io.gobuild.engine.port.AgentPaths;
import io.gobuild.engine.report.Check;
import io.gobuild.engine.report.CheckStatus;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The hash the module cache recorded for each module against go.sum's. `go mod verify` trusts the
 * cache's own record, so a module rewritten consistently in the cache (zip, directory and hash file
 * together) passes it; it cannot pass this.
 */
final class CacheSumsCheck implements ModuleCheck {
    @Override
    public String id() {
        return "module-cache-sums";
    }

    @Override
    public Check run(VerifyContext context) throws IOException, InterruptedException {
        if (context.modCache().isEmpty()) {
            return Check.skip(id(), "go env reports no GOMODCACHE");
        }
        List<String> mismatches = new ArrayList<>();
        int compared = 0;
        for (Map.Entry<String, String> entry : new TreeMap<>(context.goSum().contentEntries()).entrySet()) {
            String[] module = entry.getKey().split("@", 2);
            String zipHash = AgentPaths.join(context.modCache(),
                    "cache/download/" + ModulePaths.escape(module[0]) + "/@v/" + module[1] + ".ziphash");
            if (!context.files().exists(zipHash)) {
                continue;
            }
            compared++;
            String cached = new String(context.files().read(zipHash), StandardCharsets.UTF_8).strip();
            if (!cached.equals(entry.getValue())) {
                mismatches.add(entry.getKey() + ": the module cache has " + cached + ", go.sum says " + entry.getValue());
            }
        }
        if (!mismatches.isEmpty()) {
            return new Check(id(), CheckStatus.FAIL, "the module cache's copy of " + mismatches.get(0).split(":")[0]
                    + " is not the module go.sum names"
                    + (mismatches.size() > 1 ? " (+" + (mismatches.size() - 1) + " more)" : "")
                    + "; delete it from the module cache and download it again", mismatches);
        }
        return Check.pass(id(), compared + " cached modules match their go.sum hashes");
    }
}
