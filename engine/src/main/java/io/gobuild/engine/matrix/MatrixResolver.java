package io.gobuild.engine.matrix;

import io.gobuild.engine.request.UsageException;
import io.gobuild.engine.toolchain.Port;
import io.gobuild.engine.toolchain.Toolchain;
import org.apache.commons.text.similarity.LevenshteinDistance;

import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Turns the requested selectors into the ordered list of targets to build, checked against the ports
 * of the toolchain in use. Order follows the request; duplicates collapse to their first place.
 */
public final class MatrixResolver {
    public static final String HOST = "host";
    public static final String FIRST_CLASS = "first-class";
    private static final LevenshteinDistance DISTANCE = LevenshteinDistance.getDefaultInstance();

    public List<Target> resolve(List<String> selectors, List<String> excludes, Toolchain toolchain) {
        for (String exclude : excludes) {
            if (!TargetPattern.isValid(exclude)) {
                throw new UsageException("invalid exclude '" + exclude + "': expected GOOS/GOARCH[/VARIANT], '*' allowed");
            }
        }
        Set<Target> targets = new LinkedHashSet<>();
        for (String selector : selectors.isEmpty() ? List.of(HOST) : selectors) {
            targets.addAll(expand(selector.trim(), toolchain));
        }
        List<Target> kept = targets.stream()
                .filter(t -> excludes.stream().noneMatch(e -> new TargetPattern(e).matches(t)))
                .toList();
        if (kept.isEmpty()) {
            throw new UsageException("no target left to build: the excludes " + excludes + " remove every one of "
                    + targets.stream().map(Target::id).toList());
        }
        return kept;
    }

    private List<Target> expand(String selector, Toolchain toolchain) {
        if (selector.equals(HOST)) {
            return List.of(Target.of(toolchain.hostOs(), toolchain.hostArch()));
        }
        if (selector.equals(FIRST_CLASS)) {
            return toolchain.ports().stream().filter(Port::firstClass).map(p -> Target.of(p.goos(), p.goarch())).toList();
        }
        return List.of(parse(selector, toolchain));
    }

    private Target parse(String text, Toolchain toolchain) {
        String[] parts = text.split("/", -1);
        if (parts.length < 2 || parts.length > 3 || List.of(parts).contains("")) {
            throw new UsageException("invalid target '" + text + "': expected GOOS/GOARCH[/VARIANT], '"
                    + HOST + "' or '" + FIRST_CLASS + "'");
        }
        Target target = new Target(parts[0], parts[1], parts.length == 3 ? parts[2] : "");
        if (toolchain.port(target.goos(), target.goarch()).isEmpty()) {
            throw new UsageException("unknown target '" + text + "': " + toolchain.versionText()
                    + " cannot build " + target.port() + suggestions(target.port(), toolchain));
        }
        if (!target.variant().isEmpty()) {
            checkVariant(text, target);
        }
        return target;
    }

    private static void checkVariant(String text, Target target) {
        VariantVariable variable = target.variantVariable().orElseThrow(() -> new UsageException(
                "invalid target '" + text + "': " + target.goarch() + " has no variant; use " + target.port()));
        if (!variable.accepts(target.variant())) {
            throw new UsageException("invalid target '" + text + "': " + variable.variable() + "="
                    + target.variant() + " is not accepted; expected " + variable.acceptedText());
        }
    }

    private static String suggestions(String port, Toolchain toolchain) {
        List<String> closest = toolchain.ports().stream().map(Port::id)
                .filter(id -> DISTANCE.apply(port, id) <= 3)
                .sorted(Comparator.comparingInt((String id) -> DISTANCE.apply(port, id)).thenComparing(id -> id))
                .limit(3)
                .toList();
        return closest.isEmpty() ? " (see 'go tool dist list')" : "; did you mean " + String.join(", ", closest) + "?";
    }
}
