package io.gobuild.engine.verify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gobuild.engine.report.Check;
import io.gobuild.engine.report.CheckStatus;
import io.gobuild.engine.toolchain.GoInvocation;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every module that provides a package to the build has its go.sum lines (content and go.mod), so
 * that a -mod=readonly build can check what it compiles. Names module@version, instead of Go's
 * "missing go.sum entry for module providing package" that names neither.
 */
final class GoSumCheck implements ModuleCheck {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern UNSUMMED = Pattern.compile("missing go.sum entry for module providing package (\\S+)");

    @Override
    public String id() {
        return "go-sum";
    }

    @Override
    public Check run(VerifyContext context) throws IOException, InterruptedException {
        GoInvocation.Result result = context.offline().run(context.moduleDir(), "list", "-e", "-deps",
                "-json=ImportPath,Standard,Module,Error,DepsErrors", "./...");
        if (!result.ok()) {
            return Check.skip(id(), "cannot list the build's packages: " + result.firstError());
        }
        TreeSet<String> missing = new TreeSet<>();
        int modules = 0;
        TreeSet<String> seen = new TreeSet<>();
        TreeSet<String> unsummedPackages = new TreeSet<>();
        try (MappingIterator<JsonNode> it = JSON.readerFor(JsonNode.class).readValues(result.stdout())) {
            while (it.hasNext()) {
                JsonNode pkg = it.next();
                collectUnsummed(pkg.path("Error"), unsummedPackages);
                pkg.path("DepsErrors").forEach(e -> collectUnsummed(e, unsummedPackages));
                JsonNode module = pkg.path("Module");
                if (pkg.path("Standard").asBoolean() || module.isMissingNode() || module.path("Main").asBoolean()) {
                    continue;
                }
                JsonNode source = module.path("Replace").isMissingNode() ? module : module.path("Replace");
                String path = source.path("Path").asText();
                String version = source.path("Version").asText("");
                if (version.isEmpty() || !seen.add(path + "@" + version)) {
                    continue;
                }
                modules++;
                if (context.goSum().content(path, version).isEmpty() || context.goSum().goMod(path, version).isEmpty()) {
                    missing.add(path + "@" + version);
                }
            }
        }
        missing.addAll(providers(context, unsummedPackages));
        if (!missing.isEmpty()) {
            return new Check(id(), CheckStatus.FAIL, "go.sum has no entry for " + missing.first()
                    + (missing.size() > 1 ? " (+" + (missing.size() - 1) + " more)" : "")
                    + "; run 'go mod download " + missing.first() + "' (or 'go mod tidy') and commit go.sum",
                    List.copyOf(missing));
        }
        return Check.pass(id(), "go.sum covers all " + modules + " modules the build uses");
    }

    /** The answer when go.mod and go.sum are tidy: tidying keeps both lines of every module providing a package. */
    Check coveredByTidy() {
        return Check.pass(id(), "go.sum covers every module the build uses: go.mod and go.sum are tidy");
    }

    /** Go names the package whose module has no go.sum line, not the module: collect those packages. */
    private static void collectUnsummed(JsonNode error, Set<String> packages) {
        Matcher m = UNSUMMED.matcher(error.path("Err").asText(""));
        while (m.find()) {
            packages.add(m.group(1));
        }
    }

    /** The module (path@version) of the build list that provides each package: the longest path prefix. */
    private static Set<String> providers(VerifyContext context, Set<String> packages) throws IOException, InterruptedException {
        if (packages.isEmpty()) {
            return Set.of();
        }
        GoInvocation.Result modules = context.offline().run(context.moduleDir(), "list", "-m", "-e", "-json=Path,Version,Replace", "all");
        List<JsonNode> buildList = new ArrayList<>();
        try (MappingIterator<JsonNode> it = JSON.readerFor(JsonNode.class).readValues(modules.stdout())) {
            it.forEachRemaining(buildList::add);
        }
        Set<String> providers = new TreeSet<>();
        for (String pkg : packages) {
            buildList.stream().filter(m -> pkg.equals(m.path("Path").asText()) || pkg.startsWith(m.path("Path").asText() + "/"))
                    .max(Comparator.comparingInt(m -> m.path("Path").asText().length()))
                    .ifPresentOrElse(m -> {
                        JsonNode source = m.path("Replace").isMissingNode() ? m : m.path("Replace");
                        providers.add(source.path("Path").asText() + "@" + source.path("Version").asText());
                    }, () -> providers.add(pkg + " (no module of the build list provides it)"));
        }
        return providers;
    }
}
