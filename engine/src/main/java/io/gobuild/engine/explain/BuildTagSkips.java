package io.gobuild.engine.explain;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gobuild.engine.port.AgentPaths;
import io.gobuild.engine.port.Command;
import io.gobuild.engine.port.CommandPort;
import io.gobuild.engine.port.FilePort;
import io.gobuild.engine.port.ShortHash;
import io.gobuild.engine.toolchain.GoInvocation;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Asks go/build itself which files of the main module each target leaves out, and why. A small Go
 * helper shipped as source is built once per toolchain by the agent's own go (so its verdict is the
 * go command's own, and it reads the sources where they are) and run once per target with that
 * target's GOOS, GOARCH and CGO_ENABLED.
 */
public final class BuildTagSkips {
    private static final String SOURCE = "/io/gobuild/engine/skips/main.go";
    private static final ObjectMapper JSON = new ObjectMapper();
    private final CommandPort commands;
    private final FilePort files;
    private final String toolsDir;

    public BuildTagSkips(CommandPort commands, FilePort files, String toolsDir) {
        this.commands = commands;
        this.files = files;
        this.toolsDir = toolsDir;
    }

    /** The helper's source, which its verdicts depend on as much as on the toolchain. */
    private static byte[] source() throws IOException {
        try (InputStream in = BuildTagSkips.class.getResourceAsStream(SOURCE)) {
            return in.readAllBytes();
        }
    }

    public static String helperSourceHash() throws IOException {
        return ShortHash.of(source());
    }

    /** What a helper build waits for first. */
    public interface Gate {
        void await() throws InterruptedException;
    }

    /**
     * Builds the helper for the host, unless this toolchain already built this source. The build
     * waits for the gate, and uses -trimpath and no cgo, as a host target's build does by default:
     * on a cold agent, the standard packages the helper needs are then mostly in the build cache
     * already, instead of compiled twice at once. Linked without symbols and DWARF (-s -w): nobody
     * debugs it, and the link takes half the time.
     */
    public String helper(GoInvocation hostGo, String goVersion, Gate gate) throws IOException, InterruptedException {
        byte[] source = source();
        String dir = AgentPaths.join(toolsDir, "skips-" + ShortHash.of(source, goVersion.getBytes(StandardCharsets.UTF_8)));
        String binary = AgentPaths.join(dir, "skips");
        if (files.exists(binary)) {
            return binary;
        }
        gate.await();
        files.writeAtomically(AgentPaths.join(dir, "main.go"), source);
        files.writeAtomically(AgentPaths.join(dir, "go.mod"), "module gobuild.skips\n\ngo 1.21\n".getBytes(StandardCharsets.UTF_8));
        String temp = binary + ".tmp";
        GoInvocation.Result built = hostGo.with(Map.of("CGO_ENABLED", "0", "GOFLAGS", "")).run(dir, "build", "-trimpath", "-ldflags=-s -w", "-o", temp, ".");
        if (!built.ok()) {
            throw new IOException("cannot build the build-tag helper: " + built.firstError());
        }
        files.move(temp, binary);
        return binary;
    }

    /** Every Go file of the module as the target sees it. */
    public List<FileVerdict> verdicts(String helper, String moduleDir, Map<String, String> targetEnvironment, List<String> tags,
                                      List<String> knownOs, List<String> knownArch) throws IOException, InterruptedException {
        StringBuilder out = new StringBuilder();
        List<String> errors = new ArrayList<>();
        int exit = commands.run(new Command(List.of(helper, moduleDir, String.join(",", tags), String.join(",", knownOs),
                String.join(",", knownArch)), targetEnvironment, moduleDir), out::append, errors::add);
        if (exit != 0) {
            throw new IOException("the build-tag helper failed: " + String.join(" ", errors));
        }
        List<FileVerdict> verdicts = new ArrayList<>();
        for (JsonNode f : JSON.readTree(out.toString())) {
            verdicts.add(new FileVerdict(f.path("package").asText(), f.path("file").asText(), f.path("included").asBoolean(),
                    f.path("invalid").asBoolean(), f.path("reason").asText(null), f.path("kind").asText(null),
                    JSON.convertValue(f.path("decidingTerms"), new TypeReference<List<String>>() { }), f.path("mismatch").asBoolean()));
        }
        return verdicts;
    }

}
