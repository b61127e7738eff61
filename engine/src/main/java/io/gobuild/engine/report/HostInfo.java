package io.gobuild.engine.report;

/**
 * The machine that ran the build: in a Jenkins matrix, the agent that built these targets.
 *
 * @param goMemoryLimit the GOMEMLIMIT (with GOGC=off) gobuild gave each compile and link, null when they ran with go's defaults
 */
public record HostInfo(String name, String os, String arch, int cpus, String goMemoryLimit) {
    public HostInfo(String name, String os, String arch, int cpus) {
        this(name, os, arch, cpus, null);
    }
}
