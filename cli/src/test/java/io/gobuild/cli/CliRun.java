package io.gobuild.cli;

import io.gobuild.engine.support.GoTestSupport;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;

/** One in-process run of the command line, with what it printed. */
record CliRun(int exitCode, String out, String err) {
    static CliRun run(Path workingDirectory, String... args) {
        return run(workingDirectory, GoTestSupport.environment(), args);
    }

    static CliRun run(Path workingDirectory, Map<String, String> environment, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Main.Console console = new Main.Console(environment, workingDirectory.toString(), new PrintWriter(out, true),
                new PrintWriter(err, true), false);
        int exit = new Main(console).execute(args);
        return new CliRun(exit, out.toString(), err.toString());
    }
}
