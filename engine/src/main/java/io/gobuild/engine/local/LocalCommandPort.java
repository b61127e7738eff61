package io.gobuild.engine.local;

import io.gobuild.engine.port.Command;
import io.gobuild.engine.port.CommandPort;
import io.gobuild.engine.port.LineSink;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The command port on this machine. Children get exactly the environment of the command, and a
 * private marker variable, so that an interrupt can find and stop every process the child started,
 * even those that were re-parented when their parent died first.
 */
public final class LocalCommandPort implements CommandPort {
    static final String MARKER = "GOBUILD_PROCESS_MARKER";

    @Override
    public int run(Command command, LineSink stdout, LineSink stderr) throws IOException, InterruptedException {
        String marker = UUID.randomUUID().toString();
        ProcessBuilder builder = new ProcessBuilder(resolveProgram(command));
        Map<String, String> environment = builder.environment();
        environment.clear();
        environment.putAll(command.environment());
        environment.put(MARKER, marker);
        builder.directory(new File(command.directory()));
        if (command.stderrFile() != null) {
            Files.createDirectories(Path.of(command.stderrFile()).toAbsolutePath().getParent());
            builder.redirectError(new File(command.stderrFile()));
        }
        Process process = builder.start();
        process.getOutputStream().close();
        Thread out = pump(process.getInputStream(), stdout, command.program() + " stdout");
        Thread err = command.stderrFile() == null
                ? pump(process.getErrorStream(), stderr, command.program() + " stderr") : null;
        try {
            int exit = process.waitFor();
            out.join();
            if (err != null) {
                err.join();
            }
            return exit;
        } catch (InterruptedException e) {
            ProcessTreeKiller.kill(process.toHandle(), marker);
            throw e;
        }
    }

    private static List<String> resolveProgram(Command command) throws ProgramNotFoundException {
        List<String> argv = new ArrayList<>(command.argv());
        String program = argv.get(0);
        if (program.contains("/") || program.contains(File.separator)) {
            Path path = Path.of(command.directory()).resolve(program);
            if (!Files.isExecutable(path)) {
                throw new ProgramNotFoundException(program + " is not an executable file");
            }
            return argv;
        }
        // ProcessBuilder would search the JVM's own PATH; the child's PATH is the one that counts.
        String searchPath = command.environment().getOrDefault("PATH", "");
        Optional<Path> found = findOnPath(program, searchPath);
        if (found.isEmpty()) {
            throw new ProgramNotFoundException(program + " was not found on PATH (" + searchPath + ")");
        }
        argv.set(0, found.get().toString());
        return argv;
    }

    static Optional<Path> findOnPath(String program, String searchPath) {
        for (String dir : searchPath.split(File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            for (String suffix : List.of("", ".exe")) {
                Path candidate = Path.of(dir, program + suffix);
                if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }

    private static Thread pump(InputStream stream, LineSink sink, String name) {
        Thread thread = new Thread(() -> {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    sink.line(line);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }
}
