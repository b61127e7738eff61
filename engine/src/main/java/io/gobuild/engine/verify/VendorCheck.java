package io.gobuild.engine.verify;

import io.gobuild.engine.port.AgentPaths;
import io.gobuild.engine.report.Check;
import io.gobuild.engine.report.CheckStatus;
import io.gobuild.engine.toolchain.GoInvocation;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * A vendor/ directory, when there is one: first Go's own consistency of vendor/modules.txt with
 * go.mod, then what Go never checks, the vendored files themselves, compared file by file with a
 * fresh `go mod vendor` of the same modules from the module cache.
 */
final class VendorCheck implements ModuleCheck {
    @Override
    public String id() {
        return "vendor";
    }

    @Override
    public Check run(VerifyContext context) throws IOException, InterruptedException {
        String vendor = AgentPaths.join(context.moduleDir(), "vendor");
        if (!context.files().isDirectory(vendor)) {
            return Check.pass(id(), "no vendor directory");
        }
        GoInvocation vendored = context.offlineWithMod("vendor");
        GoInvocation.Result consistency = vendored.run(context.moduleDir(), "list", "-e", "-json=ImportPath", "./...");
        List<String> errors = consistency.stderr();
        if (errors.stream().anyMatch(l -> l.contains("inconsistent vendoring"))) {
            List<String> reasons = errors.stream().filter(l -> l.startsWith("\t") && l.contains(":"))
                    .map(String::strip).filter(l -> !l.startsWith("To ")).toList();
            return new Check(id(), CheckStatus.FAIL, "vendor/modules.txt does not match go.mod"
                    + (reasons.isEmpty() ? "" : ": " + reasons.get(0)) + "; run 'go mod vendor' and commit vendor/", reasons);
        }
        String fresh = AgentPaths.join(context.tempDir(), "vendor");
        GoInvocation.Result revendor = context.offlineWithMod("mod")
                .run(context.scratch().sources(), "mod", "vendor", "-o", fresh);
        if (!revendor.ok()) {
            return Check.skip(id(), "cannot vendor the modules again offline to compare: " + revendor.firstError());
        }
        Map<String, String> owners = owners(context, vendor);
        Map<String, String> committed = context.files().hashTree(vendor);
        Map<String, String> expected = context.files().hashTree(fresh);
        TreeSet<String> drift = new TreeSet<>();
        committed.forEach((file, hash) -> {
            if (!expected.containsKey(file)) {
                drift.add("vendor/" + file + " is in no vendored module");
            } else if (!expected.get(file).equals(hash)) {
                drift.add("vendor/" + file + " differs from " + owner(owners, file));
            }
        });
        expected.keySet().stream().filter(f -> !committed.containsKey(f)).forEach(f -> drift.add("vendor/" + f + " is missing"));
        if (drift.isEmpty()) {
            return Check.pass(id(), "vendor/ matches go.mod and every vendored file matches its module");
        }
        return new Check(id(), CheckStatus.FAIL, drift.first() + (drift.size() > 1 ? " (+" + (drift.size() - 1) + " more)" : "")
                + "; vendored code was edited by hand: run 'go mod vendor' and commit vendor/", new ArrayList<>(drift));
    }

    /** The module (path@version) that vendor/modules.txt says each vendored package comes from. */
    private static Map<String, String> owners(VerifyContext context, String vendor) throws IOException, InterruptedException {
        Map<String, String> owners = new java.util.HashMap<>();
        String modulesTxt = AgentPaths.join(vendor, "modules.txt");
        if (!context.files().exists(modulesTxt)) {
            return owners;
        }
        String module = null;
        for (String line : new String(context.files().read(modulesTxt), java.nio.charset.StandardCharsets.UTF_8).split("\n")) {
            if (line.startsWith("# ")) {
                String[] fields = line.substring(2).split(" ");
                module = fields.length >= 2 ? fields[0] + "@" + fields[1] : null;
            } else if (!line.startsWith("#") && !line.isBlank() && module != null) {
                owners.put(line.strip(), module);
            }
        }
        return owners;
    }

    private static String owner(Map<String, String> owners, String file) {
        int slash = file.lastIndexOf('/');
        String pkg = slash < 0 ? "" : file.substring(0, slash);
        return owners.getOrDefault(pkg, "the module it claims to be");
    }
}
