package io.gobuild.engine.port;

import java.util.Map;

/**
 * The machine the engine works on through its ports: how to run commands and reach files there,
 * its environment (the base of every child's environment), the directory relative paths start from,
 * and what to call it in reports.
 */
public record Host(CommandPort commands, FilePort files, Map<String, String> environment, String workingDirectory,
                   String name, String os, String arch, int cpus) {
    public Host {
        environment = Map.copyOf(environment);
    }
}
