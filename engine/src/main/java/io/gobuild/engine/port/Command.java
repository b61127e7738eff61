package io.gobuild.engine.port;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One process to run: its arguments, its whole environment (nothing is inherited), its working
 * directory, and optionally a file next to the process that receives stderr instead of the caller,
 * so that large outputs never have to travel.
 */
public record Command(List<String> argv, Map<String, String> environment, String directory,
                      String stderrFile) {
    public Command {
        argv = List.copyOf(argv);
        environment = new TreeMap<>(Objects.requireNonNull(environment));
        Objects.requireNonNull(directory, "directory");
        if (argv.isEmpty()) {
            throw new IllegalArgumentException("a command needs at least a program");
        }
    }

    public Command(List<String> argv, Map<String, String> environment, String directory) {
        this(argv, environment, directory, null);
    }

    public String program() {
        return argv.get(0);
    }

    /** The command line as a person would type it, for logs. */
    public String display() {
        return String.join(" ", argv);
    }
}
