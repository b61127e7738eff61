package io.gobuild.cli;

/**
 * The program the launcher test starts: prints its arguments, one per line, and exits with the
 * second (the first is the command); like a run of the engine, it marks its class data ready when
 * it exits with 0.
 */
public final class LauncherProbe {
    private LauncherProbe() {
    }

    public static void main(String[] args) throws java.io.IOException {
        for (String arg : args) {
            System.out.println("[" + arg + "]");
        }
        int exit = Integer.parseInt(args[1]);
        String marker = System.getProperty("gobuild.classDataReady");
        if (exit == 0 && marker != null) {
            java.nio.file.Files.write(java.nio.file.Path.of(marker), new byte[0]);
        }
        System.exit(exit);
    }
}
