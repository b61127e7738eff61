package io.gobuild.engine.step;

import io.gobuild.engine.port.Command;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * How a command becomes a launch through a CI launcher that starts processes with the agent's
 * own environment plus overrides: the overrides that give exactly the command's environment
 * (an empty value removes a variable), and the arguments that send stderr to a file on the
 * agent, so a large trace never travels to the controller.
 */
public final class LaunchPlan {
    private LaunchPlan() {
    }

    /** Overrides over the base environment: every wanted value, and KEY= for each base variable not wanted. */
    public static Map<String, String> overrides(Map<String, String> base, Map<String, String> wanted) {
        Map<String, String> overrides = new TreeMap<>(wanted);
        for (String name : base.keySet()) {
            if (!wanted.containsKey(name)) {
                overrides.put(name, "");
            }
        }
        return overrides;
    }

    /**
     * The arguments to launch: the command itself, or on Unix, when stderr goes to a file, a
     * POSIX shell that redirects it and execs the command (no quoting: arguments pass as "$@").
     * On Windows the caller copies stderr into the file instead.
     */
    public static List<String> argv(Command command, boolean unix) {
        if (command.stderrFile() == null || !unix) {
            return command.argv();
        }
        List<String> argv = new ArrayList<>(List.of("/bin/sh", "-c", "exec \"$@\" 2>\"$GOBUILD_STDERR_FILE\"", "gobuild"));
        argv.addAll(command.argv());
        return argv;
    }

    /** The environment of the launch: the command's, plus where the shell redirects stderr. */
    public static Map<String, String> environment(Command command, boolean unix) {
        if (command.stderrFile() == null || !unix) {
            return command.environment();
        }
        Map<String, String> env = new TreeMap<>(command.environment());
        env.put("GOBUILD_STDERR_FILE", command.stderrFile());
        return env;
    }
}
