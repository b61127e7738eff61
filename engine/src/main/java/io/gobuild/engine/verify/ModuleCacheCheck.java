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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * `go mod verify`: each cached module's zip and extracted directory against the hash the cache
 * recorded when it downloaded them. For a modified directory, names the files that differ from the
 * zip. Not run when the module cache was empty before this run: then go put every module there
 * moments ago, hashing each zip as it arrived (the hash module-cache-sums compares with go.sum) and
 * extracting the directory from it, and go mod verify, which reads and hashes every zip and file
 * again (seconds on a large module graph), could only find what go has just done.
 */
final class ModuleCacheCheck implements ModuleCheck {
    private static final Pattern MODIFIED = Pattern.compile("^(\\S+) (\\S+): (dir|zip) has been modified.*$");

    @Override
    public String id() {
        return "module-cache";
    }

    @Override
    public Check run(VerifyContext context) throws IOException, InterruptedException {
        if (context.emptyModuleCache()) {
            return Check.pass(id(), "the module cache was empty: every module in it was downloaded and hashed by this run"
                    + " (module-cache-sums checks the hashes against go.sum)");
        }
        GoInvocation.Result result = context.offline().run(context.moduleDir(), "mod", "verify");
        if (result.ok()) {
            return Check.pass(id(), "every cached module matches the hash recorded when it was downloaded");
        }
        List<String> lines = new ArrayList<>(result.stdout().lines().toList());
        lines.addAll(result.stderr());
        List<String> details = new ArrayList<>();
        List<String> tampered = new ArrayList<>();
        for (String line : lines) {
            Matcher m = MODIFIED.matcher(line.strip());
            if (!m.matches()) {
                continue;
            }
            String module = m.group(1) + "@" + m.group(2);
            tampered.add(module);
            details.add(module + ": " + m.group(3) + " has been modified");
            if (m.group(3).equals("dir")) {
                details.addAll(changedFiles(context, m.group(1), m.group(2)));
            }
        }
        if (tampered.isEmpty()) {
            return Check.skip(id(), "go mod verify could not run: " + result.firstError());
        }
        return new Check(id(), CheckStatus.FAIL, "the module cache holds a modified copy of " + tampered.get(0)
                + (tampered.size() > 1 ? " (+" + (tampered.size() - 1) + " more)" : "")
                + "; delete it from the module cache ('go clean -modcache') and download it again", details);
    }

    /** The files of the extracted module that differ from the zip it was extracted from. */
    private static List<String> changedFiles(VerifyContext context, String path, String version)
            throws IOException, InterruptedException {
        String escaped = ModulePaths.escape(path);
        String dir = AgentPaths.join(context.modCache(), escaped + "@" + version);
        String zip = AgentPaths.join(context.modCache(), "cache/download/" + escaped + "/@v/" + version + ".zip");
        if (!context.files().exists(zip)) {
            return List.of();
        }
        Map<String, String> extracted = context.files().hashTree(dir);
        Map<String, String> original = new java.util.HashMap<>();
        String prefix = path + "@" + version + "/";
        context.files().hashZipEntries(zip).forEach((name, hash) -> original.put(name.startsWith(prefix) ? name.substring(prefix.length()) : name, hash));
        TreeSet<String> changes = new TreeSet<>();
        extracted.forEach((file, hash) -> {
            if (!original.containsKey(file)) {
                changes.add("  added " + file);
            } else if (!original.get(file).equals(hash)) {
                changes.add("  changed " + file);
            }
        });
        original.keySet().stream().filter(f -> !extracted.containsKey(f)).forEach(f -> changes.add("  removed " + f));
        return List.copyOf(changes);
    }
}
