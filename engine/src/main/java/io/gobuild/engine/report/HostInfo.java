package io.gobuild.engine.report;

/** The machine that ran the build: in a Jenkins matrix, the agent that built these targets. */
public record HostInfo(String name, String os, String arch, int cpus) {
}
