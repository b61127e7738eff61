package io.gobuild.engine.build;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gobuild.engine.request.UsageException;
import io.gobuild.engine.toolchain.GoInvocation;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Finds the module path and the main packages to build: the ones the request names, or by default
 * the module root when it is a main package, else every main package under ./cmd/... . One
 * `go list` for the host, which also reads go.mod, and one per other target for what its
 * constraints leave.
 */
public final class MainPackageResolver {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> DEFAULT_PATTERNS = List.of(".", "./cmd/...");
    private static final String CONSTRAINTS_EXCLUDE = "build constraints exclude all Go files";

    /**
     * The module path and its main packages as the host sees them (with the environment of the
     * host's target, when the matrix has one): `packages` build here;
     * `elsewhere` are named by path but build constraints exclude them here (a Windows-only tool
     * named on a Linux agent); `rootOnly` when the default found the module root a main package.
     */
    public record Resolved(String modulePath, List<MainPackage> packages, List<MainPackage> elsewhere, boolean rootOnly) {
    }

    public Resolved resolve(GoInvocation go, String moduleDir, List<String> requested) throws IOException, InterruptedException {
        boolean byDefault = requested.isEmpty();
        List<Listed> listed = list(go, moduleDir, byDefault ? DEFAULT_PATTERNS : requested);
        String modulePath = listed.stream().map(Listed::modulePath).filter(p -> !p.isEmpty()).findFirst().orElse("");
        if (!byDefault) {
            // A wildcard pattern (./cmd/...) means "the main packages it matches", as in the default.
            if (requested.stream().anyMatch(p -> p.contains("..."))) {
                listed = listed.stream().filter(p -> p.isMain || p.excludedHere()).toList();
            }
            List<String> broken = listed.stream().filter(p -> p.error != null && !p.excludedHere())
                    .map(p -> p.importPath + ": " + p.error).toList();
            if (!broken.isEmpty()) {
                throw new UsageException("cannot load package " + broken.get(0)
                        + "; packages are the module's main packages, by directory (./cmd/tool) or pattern (./cmd/...)");
            }
            List<String> notMain = listed.stream().filter(p -> !p.isMain && !p.excludedHere()).map(Listed::importPath).toList();
            if (!notMain.isEmpty()) {
                throw new UsageException("not a main package: " + String.join(", ", notMain)
                        + "; packages must be main packages (package main)");
            }
            if (listed.isEmpty()) {
                throw new UsageException("the packages " + requested + " match no package in " + moduleDir);
            }
            return new Resolved(modulePath, listed.stream().filter(p -> !p.excludedHere()).map(Listed::toMainPackage).toList(),
                    listed.stream().filter(Listed::excludedHere).map(Listed::toMainPackage).toList(), false);
        }
        // go list prints packages in the order of the patterns, so the first is the module root.
        if (!listed.isEmpty() && listed.get(0).isMain) {
            return new Resolved(modulePath, List.of(listed.get(0).toMainPackage()), List.of(), true);
        }
        return new Resolved(modulePath, listed.stream().skip(1).filter(Listed::isMain).map(Listed::toMainPackage).toList(),
                List.of(), false);
    }

    /**
     * The main packages to build across the matrix: the host's, those named that build only
     * elsewhere, and those the patterns match only on some target (a Windows-only tool under
     * ./cmd/... on a Linux agent), in the order first seen. The default's module root, when it is
     * the host's main package, is built alone.
     */
    public static List<MainPackage> acrossTargets(Resolved host, java.util.Collection<TargetListing> listings, String moduleDir) {
        if (host.rootOnly()) {
            return host.packages();
        }
        Map<String, MainPackage> all = new java.util.LinkedHashMap<>();
        host.packages().forEach(p -> all.put(p.importPath(), p));
        host.elsewhere().forEach(p -> all.putIfAbsent(p.importPath(), p));
        // Under the default patterns the module root is built only when it is the host's main package.
        listings.forEach(l -> l.mains().stream().filter(p -> !p.importPath().equals(host.modulePath()))
                .forEach(p -> all.putIfAbsent(p.importPath(), p)));
        if (all.isEmpty()) {
            throw new UsageException("no main package to build in " + moduleDir
                    + ": the module root is not a main package and ./cmd/... has none for any target; name them with --package");
        }
        return List.copyOf(all.values());
    }

    /**
     * The main packages go lists for one target under the same patterns as {@link #resolve}. It
     * needs no answer from the host's list, so the two run at once.
     */
    public TargetListing listForTarget(GoInvocation targetGo, String moduleDir, List<String> requested)
            throws IOException, InterruptedException {
        List<Listed> listed = list(targetGo, moduleDir, requested.isEmpty() ? DEFAULT_PATTERNS : requested);
        return new TargetListing(listed.stream().filter(Listed::isMain).map(Listed::toMainPackage).toList());
    }

    /** The main packages one target's go list printed. */
    public record TargetListing(List<MainPackage> mains) {
        /**
         * The listing of the target whose environment the host's list ran with. Its packages are
         * the main packages it found, except that a default root main package stands alone there;
         * as the root is then built alone, no other package is ever looked up in this listing.
         */
        public static TargetListing of(Resolved host) {
            return new TargetListing(host.packages());
        }
    }

    /**
     * The main packages that build for one target: a package whose files build constraints all
     * exclude for it (a Linux-only tool on windows) is not among the target's main packages, and
     * is left out (go lists it with that error when it was named by path, and not at all when a
     * pattern such as ./cmd/... matched it).
     */
    public static ForTarget forTarget(List<MainPackage> packages, TargetListing listing) {
        Map<String, String> excluded = new java.util.LinkedHashMap<>();
        for (MainPackage p : packages) {
            if (listing.mains().stream().noneMatch(m -> m.importPath().equals(p.importPath()))) {
                excluded.put(p.importPath(), "build constraints exclude all its Go files");
            }
        }
        List<MainPackage> building = packages.stream().filter(p -> !excluded.containsKey(p.importPath())).toList();
        return new ForTarget(building, excluded);
    }

    /** The main packages of one target, and those left out with the reason. */
    public record ForTarget(List<MainPackage> packages, Map<String, String> excluded) {
    }

    private static List<Listed> list(GoInvocation go, String moduleDir, List<String> patterns)
            throws IOException, InterruptedException {
        // -find: a package's name and files are all this needs, not its imports, whose loading (and,
        // on an empty module cache, download) took go five times as long.
        List<String> args = new ArrayList<>(List.of("list", "-find", "-e", "-json=ImportPath,Name,Dir,Error,Module"));
        args.addAll(patterns);
        GoInvocation.Result result = go.withoutModuleIndex().run(moduleDir, args.toArray(String[]::new));
        if (!result.ok()) {
            throw new UsageException("cannot list packages " + String.join(" ", patterns) + " in " + moduleDir + ": "
                    + result.firstError());
        }
        List<Listed> listed = new ArrayList<>();
        try (MappingIterator<JsonNode> it = JSON.readerFor(JsonNode.class).readValues(result.stdout())) {
            while (it.hasNext()) {
                JsonNode p = it.next();
                String error = p.path("Error").path("Err").asText(null);
                listed.add(new Listed(p.path("ImportPath").asText(), "main".equals(p.path("Name").asText()),
                        p.path("Dir").asText(), p.path("Module").path("Path").asText(),
                        error == null ? null : error.lines().findFirst().orElse(error)));
            }
        }
        return listed;
    }

    /** One package as go list printed it. */
    private record Listed(String importPath, boolean isMain, String dir, String modulePath, String error) {
        /** Listed by path, but build constraints exclude every Go file of it for this GOOS/GOARCH. */
        boolean excludedHere() {
            return error != null && error.contains(CONSTRAINTS_EXCLUDE);
        }

        MainPackage toMainPackage() {
            return new MainPackage(importPath, dir, MainPackage.binaryName(importPath));
        }
    }
}
