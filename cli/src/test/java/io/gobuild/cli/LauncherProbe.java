package io.gobuild.cli;

/** The program the launcher test starts: prints its arguments, one per line, and exits with the first. */
public final class LauncherProbe {
    private LauncherProbe() {
    }

    public static void main(String[] args) {
        for (String arg : args) {
            System.out.println("[" + arg + "]");
        }
        System.exit(Integer.parseInt(args[0]));
    }
}
