package io.gobuild.engine.build;

import com.fasterxml.jackson.core.type.TypeReference;
import io.gobuild.engine.port.AgentPaths;
import io.gobuild.engine.port.FileEntry;
import io.gobuild.engine.port.FilePort;
import io.gobuild.engine.port.Sha256;
import io.gobuild.engine.port.ShortHash;
import io.gobuild.engine.report.ReportJson;
import io.gobuild.engine.report.TargetResult;
import io.gobuild.engine.report.Warning;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Whether a target's outputs are already what its go build would make, so that go need not run:
 * the key (toolchain, go env, arguments, Go variables, the commit go would stamp, and the stamp of
 * every file of the module) is the one of the last successful build into this output directory,
 * and every binary placed then is still the same file (identity, size, time). Like git's index, a
 * stamp taken while a file's time was within {@link #SETTLE_MILLIS} of the record is not trusted, so a
 * write in the same tick of the file system's clock cannot hide. Where a build reads files the
 * stamp cannot see (cgo's C toolchain and headers, a go.work workspace, a local replace, an
 * overlay, a development toolchain, a VCS other than git), go always runs.
 */
public final class UpToDate {
    public static final long SETTLE_MILLIS = 2000;
    private static final Pattern LOCAL_REPLACE = Pattern.compile("=>\\s*\"?(\\.{1,2}[/\\\\]|/|[A-Za-z]:[/\\\\])");
    private static final List<String> OTHER_VCS = List.of(".hg", ".svn", ".bzr", ".fossil", "_FOSSIL_");
    private final FilePort files;
    private final String directory;

    /** @param directory where this output directory's records are kept */
    public UpToDate(FilePort files, String directory) {
        this.files = files;
        this.directory = directory;
    }

    /** What was recorded: the target's result and the warnings its build gave. */
    public record Recorded(String key, long recordedAtMillis, long newestModifiedMillis, Map<String, String> outputs,
                           TargetResult result, List<Warning> warnings) {
        public Recorded {
            warnings = warnings == null ? List.of() : List.copyOf(warnings);
        }
    }

    /**
     * Why go must run for every target of this module whatever the record says, or empty when a
     * record may be trusted.
     */
    public static Optional<String> unsupported(FilePort files, String moduleDir, String goVersion, Map<String, String> goEnv,
                                               List<String> goArgs, String buildvcs) throws IOException, InterruptedException {
        if (goVersion.contains("devel")) {
            return Optional.of("a development toolchain");
        }
        if (!goEnv.getOrDefault("GOWORK", "").isEmpty() && !goEnv.get("GOWORK").equals("off")) {
            return Optional.of("a go.work workspace");
        }
        List<String> flags = new java.util.ArrayList<>(goArgs);
        flags.addAll(List.of(goEnv.getOrDefault("GOFLAGS", "").trim().split("\\s+")));
        for (String flag : flags) {
            String name = flag.replaceFirst("^--", "-").replaceFirst("=.*", "");
            String value = flag.contains("=") ? flag.substring(flag.indexOf('=') + 1) : "";
            boolean pgoFile = name.equals("-pgo") && !List.of("", "auto", "off").contains(value);
            if (name.equals("-a") || name.equals("-overlay") || name.equals("-modfile") || pgoFile) {
                return Optional.of("the go flag " + name);
            }
        }
        String goMod = AgentPaths.join(moduleDir, "go.mod");
        if (files.exists(goMod) && LOCAL_REPLACE.matcher(new String(files.read(goMod), java.nio.charset.StandardCharsets.UTF_8)).find()) {
            return Optional.of("a replace directive to a local directory");
        }
        if (!buildvcs.equals("false")) {
            for (String dir = moduleDir; ; ) {
                for (String vcs : OTHER_VCS) {
                    if (files.exists(AgentPaths.join(dir, vcs))) {
                        return Optional.of("a " + vcs + " checkout, whose state go stamps into binaries");
                    }
                }
                String up = AgentPaths.parent(dir);
                if (up.isEmpty() || up.equals(dir)) {
                    break;
                }
                dir = up;
            }
        }
        return Optional.empty();
    }

    /** The last successful build's result when the outputs are what this key would build, else empty. */
    public Optional<Recorded> recall(TargetPlan plan, String key) throws InterruptedException {
        try {
            String path = path(plan);
            if (!files.exists(path)) {
                return Optional.empty();
            }
            Recorded recorded = ReportJson.mapper().readValue(files.read(path), new TypeReference<Recorded>() { });
            boolean settled = recorded.recordedAtMillis() - recorded.newestModifiedMillis() >= SETTLE_MILLIS;
            if (!Sha256.of(key).equals(recorded.key()) || !settled || recorded.result() == null
                    || !placed(plan).equals(recorded.outputs())) {
                return Optional.empty();
            }
            return Optional.of(recorded);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Records a successful build; anything else removes the record, so that the next run builds. */
    public void remember(TargetPlan plan, String key, long newestModifiedMillis, long recordedAtMillis, TargetResult result,
                         List<Warning> warnings) throws InterruptedException {
        try {
            files.createDirectories(directory);
            files.writeAtomically(path(plan), ReportJson.write(new Recorded(Sha256.of(key), recordedAtMillis, newestModifiedMillis,
                    placed(plan), result, warnings)));
        } catch (IOException e) {
            forget(plan);
        }
    }

    public void forget(TargetPlan plan) throws InterruptedException {
        try {
            files.delete(path(plan));
        } catch (IOException e) {
            // A record that cannot be removed cannot match either: its outputs are gone or rewritten.
        }
    }

    private String path(TargetPlan plan) {
        return AgentPaths.join(directory, ShortHash.of(plan.target().id()) + ".json");
    }

    /** Each placed binary's identity, size and time; a missing one counts as such. */
    private Map<String, String> placed(TargetPlan plan) throws IOException, InterruptedException {
        Map<String, FileEntry> entries = new HashMap<>();
        for (String dir : plan.outputs().stream().map(o -> AgentPaths.parent(o.finalPath())).distinct().toList()) {
            for (FileEntry entry : files.list(dir)) {
                entries.put(AgentPaths.join(dir, entry.name()), entry);
            }
        }
        Map<String, String> placed = new java.util.TreeMap<>();
        for (PlannedOutput output : plan.outputs()) {
            FileEntry entry = entries.get(output.finalPath());
            placed.put(output.relativePath(), entry == null ? "missing"
                    : entry.identity() + "/" + entry.size() + "/" + entry.lastModifiedMillis());
        }
        return placed;
    }
}
