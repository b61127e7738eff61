package io.gobuild.jenkins;

import hudson.FilePath;
import hudson.Launcher;
import hudson.Proc;
import hudson.remoting.VirtualChannel;
import io.gobuild.engine.port.Command;
import io.gobuild.engine.port.CommandPort;
import io.gobuild.engine.port.LineSink;
import io.gobuild.engine.step.LaunchPlan;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Runs the engine's commands through the step's Launcher, so they run where the step runs: on the
 * agent, or inside container('golang') or docker.image(...).inside {}, whose decorators wrap it.
 * The launch plan (environment overrides, stderr kept on the agent) is decided by the engine.
 */
final class LauncherCommandPort implements CommandPort {
    private final Launcher launcher;
    private final VirtualChannel channel;
    private final Map<String, String> agentEnvironment;

    LauncherCommandPort(Launcher launcher, VirtualChannel channel, Map<String, String> agentEnvironment) {
        this.launcher = launcher;
        this.channel = channel;
        this.agentEnvironment = agentEnvironment;
    }

    @Override
    public int run(Command command, LineSink stdout, LineSink stderr) throws IOException, InterruptedException {
        boolean unix = launcher.isUnix();
        OutputStream err = command.stderrFile() != null && !unix
                ? new FilePath(channel, command.stderrFile()).write() : new LineStream(stderr);
        Proc proc;
        try {
            proc = launcher.launch().cmds(LaunchPlan.argv(command, unix))
                    .envs(LaunchPlan.overrides(agentEnvironment, LaunchPlan.environment(command, unix)))
                    .pwd(new FilePath(channel, command.directory())).stdout(new LineStream(stdout)).stderr(err).quiet(true).start();
        } catch (IOException e) {
            err.close();
            if (String.valueOf(e.getMessage()).contains("error=2")) {
                throw new ProgramNotFoundException(command.program() + " was not found on the agent: " + e.getMessage());
            }
            throw e;
        }
        try {
            int code = proc.join();
            if (LaunchPlan.programMissing(code, unix)) {
                throw new ProgramNotFoundException(command.program() + " was not found on the PATH of the step ("
                        + command.environment().getOrDefault("PATH", "") + ")");
            }
            return code;
        } catch (InterruptedException e) {
            proc.kill();
            throw e;
        } finally {
            err.close();
        }
    }

    /** Splits a process's output into lines for a sink. */
    private static final class LineStream extends OutputStream {
        private final LineSink sink;
        private final ByteArrayOutputStream line = new ByteArrayOutputStream();

        LineStream(LineSink sink) {
            this.sink = sink;
        }

        @Override
        public synchronized void write(int b) {
            if (b == '\n') {
                flushLine();
            } else {
                line.write(b);
            }
        }

        @Override
        public synchronized void write(byte[] bytes, int offset, int length) {
            for (int i = offset; i < offset + length; i++) {
                write(bytes[i]);
            }
        }

        private void flushLine() {
            String text = line.toString(StandardCharsets.UTF_8);
            line.reset();
            sink.line(text.endsWith("\r") ? text.substring(0, text.length() - 1) : text);
        }

        @Override
        public synchronized void close() {
            if (line.size() > 0) {
                flushLine();
            }
        }
    }
}
