package io.gobuild.engine.verify;

import io.gobuild.engine.port.AgentPaths;
import io.gobuild.engine.port.FilePort;

import java.io.IOException;
import java.util.List;

/**
 * Copies of the module where go commands that could write may run. Downloading needs only go.mod
 * and go.sum; tidying or vendoring again needs the sources, which are copied only when a check asks.
 */
final class Scratch {
    /** Top-level entries never copied: history, vendored code, build outputs. */
    private static final List<String> NOT_COPIED = List.of(".git", ".hg", ".svn", "vendor", "dist", "node_modules");
    private final FilePort files;
    private final String moduleDir;
    private final String tempDir;
    private String requirements;
    private String sources;

    Scratch(FilePort files, String moduleDir, String tempDir) {
        this.files = files;
        this.moduleDir = moduleDir;
        this.tempDir = tempDir;
    }

    /** A directory with copies of go.mod and go.sum only. */
    synchronized String requirements() throws IOException, InterruptedException {
        if (requirements == null) {
            requirements = AgentPaths.join(tempDir, "requirements");
            for (String file : List.of("go.mod", "go.sum")) {
                String source = AgentPaths.join(moduleDir, file);
                if (files.exists(source)) {
                    files.copy(source, AgentPaths.join(requirements, file));
                }
            }
        }
        return requirements;
    }

    /** A full copy of the module, without vendor/ and history. */
    synchronized String sources() throws IOException, InterruptedException {
        if (sources == null) {
            sources = AgentPaths.join(tempDir, "module");
            files.copyTree(moduleDir, sources, NOT_COPIED);
        }
        return sources;
    }
}
