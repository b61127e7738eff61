package io.gobuild.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;

/** The gobuild command line. */
@Command(name = "gobuild", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Fast, explainable and trustworthy Go builds.",
        subcommands = {BuildCommand.class, VerifyCommand.class, PublishCommand.class, ReportCommand.class, CommandLine.HelpCommand.class})
public final class Main implements Runnable {
    public static final int EXIT_OK = 0;
    public static final int EXIT_FAILED = 1;
    public static final int EXIT_USAGE = 2;
    public static final int EXIT_INTERRUPTED = 130;

    private final Console console;

    public Main(Console console) {
        this.console = console;
    }

    public static void main(String[] args) {
        Console console = new Console(System.getenv(), Path.of("").toAbsolutePath().toString(),
                new PrintWriter(System.out, true), new PrintWriter(System.err, true), true);
        System.exit(new Main(console).execute(args));
    }

    /** Runs one command line and returns its exit code. */
    public int execute(String... args) {
        CommandLine line = new CommandLine(this, new Factory(console));
        line.setOut(console.out());
        line.setErr(console.err());
        line.setParameterExceptionHandler((e, a) -> {
            console.err().println("gobuild: " + e.getMessage() + " (see '" + e.getCommandLine().getCommandSpec().qualifiedName()
                    + " --help')");
            return EXIT_USAGE;
        });
        return line.execute(args);
    }

    @Override
    public void run() {
        new CommandLine(this).usage(console.out());
    }

    /**
     * Where a command reads its environment and writes its output; tests supply their own.
     *
     * @param ownsProcess true when this is the JVM's own command line, so Ctrl-C may be handled
     */
    public record Console(Map<String, String> environment, String workingDirectory, PrintWriter out, PrintWriter err,
                          boolean ownsProcess) {
    }

    /** Gives the subcommands the console. */
    private record Factory(Console console) implements CommandLine.IFactory {
        @Override
        public <K> K create(Class<K> type) throws Exception {
            if (type == BuildCommand.class) {
                return type.cast(new BuildCommand(console));
            }
            if (type == VerifyCommand.class) {
                return type.cast(new VerifyCommand(console));
            }
            if (type == PublishCommand.class) {
                return type.cast(new PublishCommand(console));
            }
            if (type == ReportCommand.class) {
                return type.cast(new ReportCommand(console));
            }
            return CommandLine.defaultFactory().create(type);
        }
    }

    /** The version the jar was built as. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = Main.class.getPackage().getImplementationVersion();
            return new String[] {"gobuild " + (version == null ? "dev" : version)};
        }
    }
}
