package io.gobuild.jenkins;

import hudson.EnvVars;
import hudson.model.Label;
import io.gobuild.engine.report.BuildReport;
import org.htmlunit.html.HtmlPage;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

import static org.assertj.core.api.Assertions.assertThat;

/** The declarative matrix of docs/jenkins.md: cells on agents chosen by label, then one goPublish. */
@WithJenkins
class MatrixAcrossAgentsTest {
    @Test
    void cellsOnTwoAgentsMakeOneMergedReportAndOneRelease(JenkinsRule r) throws Exception {
        GoSteps.requireGo();
        EnvVars env = new EnvVars("GOPROXY", "off", "GOTELEMETRY", "off");
        r.createOnlineSlave(Label.get("go-linux"), env);
        r.createOnlineSlave(Label.get("go-windows"), env);
        String module = GoSteps.writeModule("1.21").replace("\n", "\n            ");
        WorkflowJob job = r.jenkins.createProject(WorkflowJob.class, "matrix");
        job.setDefinition(new CpsFlowDefinition(String.join("\n",
                "pipeline {",
                "  agent none",
                "  stages {",
                "    stage('build') {",
                "      matrix {",
                "        axes { axis { name 'OS'; values 'linux', 'windows' } }",
                "        agent { label \"go-${OS}\" }",
                "        stages {",
                "          stage('cell') {",
                "            steps {",
                "              script {",
                "                " + module,
                "                goBuild(targets: [\"${OS}/amd64\"], version: '3.1.0', out: \"cells/${OS}\", cacheDir: '" + GoSteps.cacheDir() + "')",
                "              }",
                "              stash name: \"cell-${OS}\", includes: 'cells/**'",
                "            }",
                "          }",
                "        }",
                "      }",
                "    }",
                "    stage('publish') {",
                "      agent { label 'go-linux' }",
                "      steps {",
                "        unstash 'cell-linux'",
                "        unstash 'cell-windows'",
                "        goPublish(to: 'release', from: ['cells/linux/build-report.json', 'cells/windows/build-report.json'])",
                "      }",
                "    }",
                "  }",
                "}"), true));
        WorkflowRun run = r.buildAndAssertSuccess(job);

        GoBuildReportAction action = run.getAction(GoBuildReportAction.class);
        assertThat(action.getReports()).extracting(BuildReport::kind).containsExactlyInAnyOrder("BUILD", "BUILD", "PUBLISH");
        assertThat(action.getCalls()).extracting(GoBuildCallAction::getAgent).filteredOn(a -> a != null).hasSize(3)
                .contains("slave0", "slave1");
        assertThat(action.getTotal().targetsOk()).isEqualTo(2);
        r.assertLogContains("app_3.1.0_windows_amd64.zip", run);
        try (JenkinsRule.WebClient web = r.createWebClient()) {
            HtmlPage detail = web.getPage(run, "gobuild");
            assertThat(detail.asNormalizedText()).contains("BUILD on slave0", "BUILD on slave1", "app_3.1.0_linux_amd64.tar.gz");
        }
    }
}
