package io.gobuild.engine.build;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gobuild.engine.request.UsageException;
import io.gobuild.engine.toolchain.GoInvocation;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds the main packages to build: the ones the request names, or by default the module root when
 * it is a main package, else every main package under ./cmd/... . One `go list` for the host.
 */
public final class MainPackageResolver {
    private static final ObjectMapper JSON = new ObjectMapper().enable(JsonParser.Feature.ALLOW_COMMENTS);

    public List<MainPackage> resolve(GoInvocation go, String moduleDir, List<String> requested)
            throws IOException, InterruptedException {
        if (!requested.isEmpty()) {
            List<MainPackage> named = list(go, moduleDir, requested);
            List<String> notMain = named.stream().filter(p -> p.binary() == null).map(MainPackage::importPath).toList();
            if (!notMain.isEmpty()) {
                throw new UsageException("not a main package: " + String.join(", ", notMain)
                        + "; packages must be main packages (package main)");
            }
            if (named.isEmpty()) {
                throw new UsageException("the packages " + requested + " match no package in " + moduleDir);
            }
            return named;
        }
        List<MainPackage> root = mains(list(go, moduleDir, List.of(".")));
        if (!root.isEmpty()) {
            return root;
        }
        List<MainPackage> commands = mains(list(go, moduleDir, List.of("./cmd/...")));
        if (commands.isEmpty()) {
            throw new UsageException("no main package to build in " + moduleDir
                    + ": the module root is not a main package and ./cmd/... has none; name them with --package");
        }
        return commands;
    }

    private static List<MainPackage> mains(List<MainPackage> packages) {
        return packages.stream().filter(p -> p.binary() != null).toList();
    }

    /** Lists packages; a package that is not main comes back with a null binary name. */
    private static List<MainPackage> list(GoInvocation go, String moduleDir, List<String> patterns)
            throws IOException, InterruptedException {
        List<String> args = new ArrayList<>(List.of("list", "-e", "-json=ImportPath,Name,Dir,Error"));
        args.addAll(patterns);
        GoInvocation.Result result = go.run(moduleDir, args.toArray(String[]::new));
        if (!result.ok()) {
            throw new UsageException("cannot list packages " + patterns + ": " + result.firstError());
        }
        List<MainPackage> packages = new ArrayList<>();
        try (MappingIterator<JsonNode> it = JSON.readerFor(JsonNode.class).readValues(result.stdout())) {
            while (it.hasNext()) {
                JsonNode p = it.next();
                String importPath = p.path("ImportPath").asText();
                boolean isMain = "main".equals(p.path("Name").asText());
                if (p.has("Error") && !isMain) {
                    String error = p.path("Error").path("Err").asText();
                    if (error.contains("no Go files") || error.contains("build constraints exclude")) {
                        continue;
                    }
                    throw new UsageException("cannot load package " + importPath + ": " + error.lines().findFirst().orElse(error));
                }
                packages.add(new MainPackage(importPath, p.path("Dir").asText(), isMain ? MainPackage.binaryName(importPath) : null));
            }
        }
        return packages;
    }
}
