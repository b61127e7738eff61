package io.gobuild.jenkins;

import hudson.EnvVars;
import hudson.FilePath;
import hudson.Launcher;
import hudson.model.Computer;
import hudson.model.Node;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.remoting.VirtualChannel;
import hudson.slaves.WorkspaceList;
import io.gobuild.engine.GoBuildEngine;
import io.gobuild.engine.port.Host;
import io.gobuild.engine.step.StepPlace;
import jenkins.model.Jenkins;
import org.jenkinsci.plugins.workflow.steps.StepContext;

import java.io.IOException;
import java.util.Set;

/**
 * Everything a gobuild step takes from its Pipeline context: the run, the workspace on its agent,
 * the launcher (possibly decorated by container steps), the environment (tools and withEnv
 * included), and the engine wired to them.
 */
final class StepRuntime {
    /** The context a gobuild step needs: it runs inside node { }. */
    static final Set<Class<?>> REQUIRED_CONTEXT = Set.of(Run.class, FilePath.class, Launcher.class, TaskListener.class, EnvVars.class);

    final Run<?, ?> run;
    final FilePath workspace;
    final Launcher launcher;
    final TaskListener listener;
    final EnvVars environment;
    final Node node;
    final StepPlace place;
    final ListenerLog log;

    StepRuntime(StepContext context) throws IOException, InterruptedException {
        this.run = context.get(Run.class);
        this.workspace = context.get(FilePath.class);
        this.launcher = context.get(Launcher.class);
        this.listener = context.get(TaskListener.class);
        this.environment = context.get(EnvVars.class);
        Computer computer = workspace.toComputer();
        this.node = computer == null ? null : computer.getNode();
        this.log = new ListenerLog(listener);
        FilePath root = node == null ? null : node.getRootPath();
        GoBuildNodeProperty property = node == null ? null : node.getNodeProperty(GoBuildNodeProperty.class);
        FilePath temp = WorkspaceList.tempDir(workspace);
        this.place = new StepPlace(workspace.getRemote(), root == null ? null : root.getRemote(),
                temp == null ? workspace.getRemote() + "@tmp" : temp.getRemote(), property == null ? null : property.getCacheDir(),
                node instanceof Jenkins);
    }

    VirtualChannel channel() {
        return workspace.getChannel();
    }

    String agentName() {
        return node == null ? "" : node.getNodeName().isEmpty() ? "built-in" : node.getNodeName();
    }

    /** The engine on this agent: commands through the step's launcher, files through callables on the agent. */
    GoBuildEngine engine() throws IOException, InterruptedException {
        AgentFacts facts = channel().call(new AgentFacts.Read());
        Host host = new Host(new LauncherCommandPort(launcher, channel(), environment), new RemoteFilePort(channel()), environment,
                workspace.getRemote(), agentName().equals("built-in") ? facts.name() : agentName(), facts.os(), facts.arch(), facts.cpus());
        return new GoBuildEngine(host, log);
    }
}
