package io.gobuild.jenkins;

import hudson.EnvVars;
import hudson.Launcher;
import hudson.LauncherDecorator;
import hudson.Proc;
import hudson.model.Label;
import hudson.model.Node;
import hudson.model.Result;
import hudson.slaves.DumbSlave;
import org.htmlunit.html.HtmlPage;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.TestExtension;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

@WithJenkins
class GoBuildStepTest {
    private JenkinsRule r;
    private DumbSlave agent;

    @BeforeEach
    void agent(JenkinsRule rule) throws Exception {
        GoSteps.requireGo();
        r = rule;
        EnvVars env = new EnvVars("GOPROXY", "off", "GOTELEMETRY", "off");
        agent = r.createOnlineSlave(Label.get("go"), env);
        RecordingDecorator.COMMANDS.clear();
    }

    private WorkflowRun run(String name, String script) throws Exception {
        WorkflowJob job = r.jenkins.createProject(WorkflowJob.class, name);
        job.setDefinition(new CpsFlowDefinition(script, true));
        return job.scheduleBuild2(0).get();
    }

    @Test
    void buildsTwoTargetsOnAnAgentAndShowsTheReportOnTheBuildPage() throws Exception {
        WorkflowRun run = run("two-targets", "node('go') {\n" + GoSteps.writeModule("1.21")
                + "def result = goBuild(targets: ['linux/amd64', 'windows/amd64'], version: '1.0.0', cacheDir: '" + GoSteps.cacheDir() + "')\n"
                + "echo \"status=${result.status} linux=${result.targets['linux/amd64'].status}\"\n}");

        r.assertBuildStatusSuccess(run);
        r.assertLogContains("status=SUCCESS linux=SUCCESS", run);
        r.assertLogContains("windows/amd64 ok", run);
        GoBuildReportAction action = run.getAction(GoBuildReportAction.class);
        assertThat(action.getTotal().targetsOk()).isEqualTo(2);
        assertThat(action.getReports()).hasSize(1);
        assertThat(run.getArtifacts()).extracting(a -> a.relativePath).containsExactlyInAnyOrder("dist/build-report.json",
                "dist/build-report.html");

        try (JenkinsRule.WebClient web = r.createWebClient()) {
            HtmlPage build = web.getPage(run);
            assertThat(build.asNormalizedText()).contains("Go build", "2 target(s) built", "file(s) skipped by build constraints");
            HtmlPage detail = web.getPage(run, "gobuild");
            assertThat(detail.asNormalizedText()).contains("linux/amd64", "windows_amd64/app.exe", "p_unix.go", "Verification: PASS");
        }
        assertThat(RecordingDecorator.COMMANDS).anyMatch(c -> c.contains("build") && c.contains("-trimpath"))
                .anyMatch(c -> c.contains(" env ") || c.endsWith(" env") || c.contains("env -json"));
    }

    @Test
    void goVerifyFailsTheStepOnATamperedModule() throws Exception {
        WorkflowRun run = run("tampered", "node('go') {\n" + GoSteps.writeModule("1.99") + "goVerify(cacheDir: '" + GoSteps.cacheDir() + "')\n}");

        r.assertBuildStatus(Result.FAILURE, run);
        r.assertLogContains("goVerify: verify FAILURE", run);
        r.assertLogContains("go.mod requires go >= 1.99", run);
    }

    @Test
    void theBuiltInNodeIsRefusedUnlessAnAdministratorAllowsIt() throws Exception {
        WorkflowRun refused = run("built-in", "node('built-in') {\n" + GoSteps.writeModule("1.21") + "goBuild()\n}");
        r.assertBuildStatus(Result.FAILURE, refused);
        r.assertLogContains("goBuild: goBuild does not run on the built-in node", refused);
    }

    @Test
    void abortingTheBuildStopsEveryGoProcess() throws Exception {
        WorkflowJob job = r.jenkins.createProject(WorkflowJob.class, "abort");
        // Enough generated code that compiling it takes a while, in its own cold cache.
        job.setDefinition(new CpsFlowDefinition("node('go') {\n" + GoSteps.writeModule("1.21")
                + "def body = (1..4000).collect { \"func f${it}(x int) int { return x*${it} + ${it} }\" }.join('\\n')\n"
                + "writeFile file: 'big.go', text: 'package main\\n\\n' + body + '\\n'\n"
                + "goBuild(targets: ['linux/amd64', 'windows/amd64', 'darwin/arm64'], parallel: 3, cacheDir: 'cold-cache')\n}", false));
        WorkflowRun run = job.scheduleBuild2(0).waitForStart();
        String workspace = agent.getWorkspaceFor(job).getRemote();
        long deadline = System.currentTimeMillis() + 120_000;
        while (goProcesses(workspace).isEmpty() && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
        }
        assertThat(goProcesses(workspace)).isNotEmpty();

        run.doStop();
        r.assertBuildStatus(Result.ABORTED, r.waitForCompletion(run));
        Thread.sleep(500);
        assertThat(goProcesses(workspace)).isEmpty();
    }

    private static List<String> goProcesses(String workspace) {
        return ProcessHandle.allProcesses().map(p -> p.info().commandLine().orElse(""))
                .filter(c -> (c.contains("/go ") || c.contains("/compile ") || c.contains("/link ")) && c.contains(workspace)).toList();
    }

    /** Records every command launched on an agent, as container steps' decorators see them. */
    @TestExtension
    public static class RecordingDecorator extends LauncherDecorator {
        static final List<String> COMMANDS = new CopyOnWriteArrayList<>();

        @Override
        public Launcher decorate(Launcher launcher, Node node) {
            return new Launcher.DecoratedLauncher(launcher) {
                @Override
                public Proc launch(ProcStarter starter) throws IOException {
                    COMMANDS.add(String.join(" ", starter.cmds()));
                    return super.launch(starter);
                }
            };
        }
    }
}
