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

    /** What a POSIX shell exits with when the program to exec does not exist. */
    public static final int NOT_FOUND = 127;

    /**
     * The arguments to launch. On Unix a POSIX shell execs the command (arguments pass unquoted as
     * "$@"), so the program is found on the PATH of the command's environment (tools { go } and
     * withEnv set it) rather than on the agent process's, and stderr can go to a file there. On
     * Windows the command is launched as it is and the caller copies stderr into the file.
     */
    public static List<String> argv(Command command, boolean unix) {
        if (!unix) {
            return command.argv();
        }
        String script = command.stderrFile() == null ? "exec \"$@\"" : "exec \"$@\" 2>\"$GOBUILD_STDERR_FILE\"";
        List<String> argv = new ArrayList<>(List.of("/bin/sh", "-c", script, "gobuild"));
        argv.addAll(command.argv());
        return argv;
    }

    /** Whether a launch's exit code means that the program was not found. */
    public static boolean programMissing(int exitCode, boolean unix) {
        return unix && exitCode == NOT_FOUND;
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
