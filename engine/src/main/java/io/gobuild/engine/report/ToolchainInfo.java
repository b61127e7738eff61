package io.gobuild.engine.report;

/** The Go that built, as the report names it: the one actually run, after any GOTOOLCHAIN switch. */
public record ToolchainInfo(String version, String path, String goroot, String hostOs, String hostArch,
                            String gotoolchain) {
}
