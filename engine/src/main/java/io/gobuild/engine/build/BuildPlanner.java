package io.gobuild.engine.build;

import io.gobuild.engine.matrix.Target;
import io.gobuild.engine.matrix.TargetPattern;
import io.gobuild.engine.port.AgentPaths;
import io.gobuild.engine.report.SourceInfo;
import io.gobuild.engine.request.BuildRequest;
import io.gobuild.engine.request.TargetOverride;
import io.gobuild.engine.request.UsageException;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Decides each target's `go build`: flags, environment, rendered ldflags and where every binary
 * goes. All template and path errors surface here, before the first compile.
 */
public final class BuildPlanner {
    /** Variables of ldflags templates; output templates add Binary and Ext. */
    public static final Set<String> LDFLAGS_VARIABLES = Set.of("Version", "Commit", "ShortCommit", "Date", "Os", "Arch",
            "Variant", "Target");
    public static final Set<String> OUTPUT_VARIABLES = union(LDFLAGS_VARIABLES, Set.of("Binary", "Ext"));

    private final BuildRequest request;
    private final GoEnvironment environment;
    private final SourceInfo source;

    public BuildPlanner(BuildRequest request, GoEnvironment environment, SourceInfo source) {
        this.request = request;
        this.environment = environment;
        this.source = source;
        checkTemplates();
    }

    private void checkTemplates() {
        new Template(request.ldflags(), "ldflags").check(LDFLAGS_VARIABLES);
        new Template(request.outputTemplate(), "output template").check(OUTPUT_VARIABLES);
        for (TargetOverride override : request.overrides()) {
            if (override.target() == null || !TargetPattern.isValid(override.target())) {
                throw new UsageException("invalid override target '" + override.target()
                        + "': expected GOOS/GOARCH[/VARIANT], '*' allowed");
            }
            if (override.ldflags() != null) {
                new Template(override.ldflags(), "ldflags").check(LDFLAGS_VARIABLES);
            }
            GoEnvironment.parse(override.env(), "override env");
        }
        GoEnvironment.parse(request.env(), "env");
    }

    public List<TargetPlan> plan(List<Target> targets, Map<Target, List<MainPackage>> packages, String outDir, String buildRoot) {
        List<TargetPlan> plans = new ArrayList<>();
        Map<String, String> claimed = new HashMap<>();
        for (Target target : targets) {
            TargetPlan plan = plan(target, packages.get(target), outDir, AgentPaths.join(buildRoot, target.id().replace('/', '_')));
            for (PlannedOutput output : plan.outputs()) {
                String owner = target.id() + " " + output.mainPackage().importPath();
                String previous = claimed.putIfAbsent(output.relativePath(), owner);
                if (previous != null) {
                    throw new UsageException("output template '" + request.outputTemplate() + "' gives " + previous
                            + " and " + owner + " the same path " + output.relativePath()
                            + "; add {{.Os}}, {{.Arch}}, {{.Variant}} or {{.Binary}}");
                }
            }
            plans.add(plan);
        }
        return plans;
    }

    private TargetPlan plan(Target target, List<MainPackage> packages, String outDir, String buildDir) {
        Map<String, String> variables = variables(target);
        Set<String> tags = new LinkedHashSet<>(request.tags());
        String ldflags = request.ldflags();
        boolean cgo = request.cgo();
        Map<String, String> extraEnv = new LinkedHashMap<>();
        for (TargetOverride override : request.overrides()) {
            if (new TargetPattern(override.target()).matches(target)) {
                tags.addAll(override.tags());
                ldflags = override.ldflags() != null ? override.ldflags() : ldflags;
                cgo = override.cgo() != null ? override.cgo() : cgo;
                extraEnv.putAll(GoEnvironment.parse(override.env(), "override env"));
            }
        }
        String renderedLdflags = new Template(ldflags, "ldflags").render(variables);

        List<String> args = new ArrayList<>(List.of("build"));
        if (request.trimpath()) {
            args.add("-trimpath");
        }
        args.add("-buildvcs=" + request.buildvcs());
        if (!tags.isEmpty()) {
            args.add("-tags=" + String.join(",", tags));
        }
        if (!renderedLdflags.isBlank()) {
            args.add("-ldflags=" + renderedLdflags);
        }
        if (!request.gcflags().isBlank()) {
            args.add("-gcflags=" + request.gcflags());
        }
        // A trailing slash makes go write every main package's binary into the directory.
        args.addAll(List.of("-o", buildDir + "/"));
        packages.forEach(p -> args.add(p.importPath()));

        List<PlannedOutput> outputs = new ArrayList<>();
        for (MainPackage mainPackage : packages) {
            Map<String, String> outputVariables = new HashMap<>(variables);
            outputVariables.put("Binary", mainPackage.binary());
            outputVariables.put("Ext", target.goos().equals("windows") ? ".exe" : "");
            String relative = confined(new Template(request.outputTemplate(), "output template").render(outputVariables));
            String executable = mainPackage.binary() + outputVariables.get("Ext");
            outputs.add(new PlannedOutput(mainPackage, AgentPaths.join(buildDir, executable),
                    AgentPaths.join(outDir, relative), relative));
        }
        Map<String, String> env = environment.forTarget(target.environment(), cgo, extraEnv);
        return new TargetPlan(target, args, env, buildDir, outputs, Ldflags.stamps(renderedLdflags), renderedLdflags,
                List.copyOf(tags), cgo);
    }

    private Map<String, String> variables(Target target) {
        Map<String, String> variables = new HashMap<>();
        variables.put("Version", source.version());
        variables.put("Commit", source.commit());
        variables.put("ShortCommit", source.commit().length() > 7 ? source.commit().substring(0, 7) : source.commit());
        variables.put("Date", source.date());
        variables.put("Os", target.goos());
        variables.put("Arch", target.goarch());
        variables.put("Variant", target.variant().isEmpty() ? "" : "_" + target.variant());
        variables.put("Target", target.id());
        return variables;
    }

    /** The rendered output path, refused when it would leave the output directory. */
    private static String confined(String relative) {
        String normalized = relative.replace('\\', '/');
        List<String> segments = List.of(normalized.split("/"));
        if (normalized.isBlank() || AgentPaths.isAbsolute(relative) || segments.contains("..") || normalized.endsWith("/")) {
            throw new UsageException("output path '" + relative
                    + "' is not a file inside the output directory; the output template must give a relative path without '..'");
        }
        return String.join("/", segments.stream().filter(s -> !s.isEmpty() && !s.equals(".")).toList());
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new LinkedHashSet<>(a);
        all.addAll(b);
        return Set.copyOf(all);
    }
}
