package io.gobuild.engine.explain;

import io.gobuild.engine.report.RebuildCause;
import io.gobuild.engine.report.RebuildKind;
import io.gobuild.engine.report.Rebuilds;
import io.gobuild.engine.report.RootCause;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Names the cause of every compile and link of a build by comparing its traced inputs with the
 * closest recorded build of the same module and target, and attributes packages rebuilt only
 * because a dependency was rebuilt to the root package whose own inputs changed.
 */
public final class RebuildClassifier {
    /** When several kinds of change meet in one action, the one named is the most fundamental. */
    private static final List<RebuildKind> PRECEDENCE = List.of(RebuildKind.TOOLCHAIN_CHANGED, RebuildKind.GO_LINE_CHANGED,
            RebuildKind.ENV_CHANGED, RebuildKind.FLAGS_CHANGED, RebuildKind.WORKSPACE_PATH_CHANGED, RebuildKind.MODULE_CHANGED,
            RebuildKind.SOURCE_CHANGED, RebuildKind.BUILD_INFO_CHANGED, RebuildKind.DEPENDENCY_CHANGED);
    static final String TRIMPATH_ADVICE = "build with -trimpath (gobuild's default) so that the workspace path is not an input";
    static final String BUILD_INFO_ADVICE = "expected on every commit: main packages embed the VCS revision and time";

    private final String subject;

    /** @param subject what was built, for messages: "example.com/hello for linux/amd64" */
    public RebuildClassifier(String subject) {
        this.subject = subject;
    }

    public Rebuilds classify(HashTrace trace, BuildHistory history) {
        Map<String, String> ids = new HashMap<>();
        trace.actions().values().forEach(a -> ids.put(a.name(), a.actionId()));
        Optional<RecordedBuild> previous = history.closest(ids);
        Set<String> compiled = new LinkedHashSet<>();
        trace.compiled().forEach(p -> compiled.add("build " + p));
        Map<String, Own> own = new LinkedHashMap<>();
        int linked = 0;
        for (TracedAction action : trace.actions().values()) {
            Optional<TracedAction> before = previous.flatMap(b -> history.action(b, action.name()));
            boolean ran = action.isLink()
                    ? before.map(b -> !b.actionId().equals(action.actionId())).orElse(true)
                    : compiled.contains(action.name());
            if (!ran) {
                continue;
            }
            linked += action.isLink() ? 1 : 0;
            own.put(action.name(), ownCause(action, before, previous.isPresent()));
        }
        List<RebuildCause> causes = new ArrayList<>();
        Map<String, Set<String>> rootsMemo = new HashMap<>();
        for (Map.Entry<String, Own> entry : own.entrySet()) {
            Own cause = entry.getValue();
            Set<String> roots = roots(entry.getKey(), own, rootsMemo, new LinkedHashSet<>());
            boolean root = roots.contains(entry.getKey());
            String rootCause = root ? null : roots.stream().findFirst().map(r -> r.substring(r.indexOf(' ') + 1)).orElse(null);
            causes.add(new RebuildCause(entry.getKey().substring(entry.getKey().indexOf(' ') + 1),
                    entry.getKey().startsWith("link ") ? "LINK" : "COMPILE", cause.kind, root ? cause.detail
                    : "rebuilt because " + rootCause + " was rebuilt", root, rootCause, cause.changes, root ? cause.advice : null));
        }
        int builds = (int) trace.actions().keySet().stream().filter(n -> n.startsWith("build ")).count();
        int compiledCount = (int) own.keySet().stream().filter(n -> n.startsWith("build ")).count();
        double hitRatio = builds == 0 ? 1.0 : Math.round(1000.0 * (builds - compiledCount) / builds) / 1000.0;
        return new Rebuilds(compiledCount, builds - compiledCount, hitRatio, linked, rollUp(causes), causes);
    }

    private Own ownCause(TracedAction action, Optional<TracedAction> before, boolean anyHistory) {
        if (before.isEmpty()) {
            String detail = anyHistory ? "not built for " + subject + " on this agent before"
                    : "first build of " + subject + " on this agent";
            return new Own(RebuildKind.NO_HISTORY, detail, List.of(), Set.of(), null);
        }
        if (before.get().actionId().equals(action.actionId())) {
            return new Own(RebuildKind.CACHE_EVICTED, "inputs unchanged, but the build cache no longer held the result",
                    List.of(), Set.of(), "give the build cache more room, or keep it between builds");
        }
        List<InputChange> changes = InputDiff.changes(before.get().inputs(), action.inputs());
        Set<String> dependencies = new TreeSet<>();
        changes.stream().filter(InputChange::isDependency).forEach(c -> dependencies.add(c.dependency()));
        RebuildKind kind = changes.stream().map(InputChange::kind).min(Comparator.comparingInt(PRECEDENCE::indexOf))
                .orElse(RebuildKind.DEPENDENCY_CHANGED);
        List<String> described = changes.stream().map(InputChange::description).toList();
        String detail = kind == RebuildKind.DEPENDENCY_CHANGED
                ? "dependencies changed: " + String.join(", ", dependencies)
                : String.join("; ", changes.stream().filter(c -> c.kind() == kind).map(InputChange::description).toList());
        String advice = switch (kind) {
            case WORKSPACE_PATH_CHANGED -> TRIMPATH_ADVICE;
            case BUILD_INFO_CHANGED -> BUILD_INFO_ADVICE;
            default -> null;
        };
        boolean onlyDependencies = changes.stream().allMatch(InputChange::isDependency);
        return new Own(kind, detail, described, onlyDependencies ? dependencies : Set.of(), advice);
    }

    /**
     * The root actions an action's rebuild goes back to: itself when its own inputs changed, else
     * the roots of the rebuilt dependencies that changed for it.
     */
    private static Set<String> roots(String name, Map<String, Own> own, Map<String, Set<String>> memo, Set<String> visiting) {
        Set<String> known = memo.get(name);
        if (known != null) {
            return known;
        }
        Own cause = own.get(name);
        Set<String> roots = new LinkedHashSet<>();
        if (cause.cascadedFrom.isEmpty() || !visiting.add(name)) {
            roots.add(name);
        } else {
            for (String dependency : cause.cascadedFrom) {
                String depAction = dependency.isEmpty() ? "build " + name.substring(name.indexOf(' ') + 1) : "build " + dependency;
                if (own.containsKey(depAction)) {
                    roots.addAll(roots(depAction, own, memo, visiting));
                } else {
                    // The dependency changed without being rebuilt now (another configuration built it): a root.
                    roots.add(name);
                }
            }
            visiting.remove(name);
        }
        memo.put(name, roots);
        return roots;
    }

    /** Root causes first: roots that share a kind and detail (a new toolchain, say) form one. */
    private static List<RootCause> rollUp(List<RebuildCause> causes) {
        Map<String, List<RebuildCause>> byCause = new LinkedHashMap<>();
        for (RebuildCause cause : causes) {
            if (cause.root()) {
                byCause.computeIfAbsent(cause.kind() + "\n" + cause.detail(), k -> new ArrayList<>()).add(cause);
            }
        }
        List<RootCause> roots = new ArrayList<>();
        for (List<RebuildCause> group : byCause.values()) {
            Set<String> packages = new LinkedHashSet<>();
            group.forEach(c -> packages.add(c.packagePath()));
            List<String> dragged = causes.stream().filter(c -> !c.root() && packages.contains(c.rootCause()))
                    .map(c -> c.packagePath() + (c.step().equals("LINK") ? " (link)" : "")).distinct().toList();
            RebuildCause first = group.get(0);
            roots.add(new RootCause(first.kind(), first.detail(), List.copyOf(packages), dragged.size(), dragged, first.advice()));
        }
        roots.sort(Comparator.comparingInt((RootCause r) -> -(r.packages().size() + r.dragged())));
        return roots;
    }

    /** An action's own cause, before cascades are resolved. */
    private record Own(RebuildKind kind, String detail, List<String> changes, Set<String> cascadedFrom, String advice) {
    }
}
