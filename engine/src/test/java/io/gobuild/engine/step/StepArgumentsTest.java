package io.gobuild.engine.step;

import io.gobuild.engine.publish.HttpAuth;
import io.gobuild.engine.publish.PublishRequest;
import io.gobuild.engine.request.BuildRequest;
import io.gobuild.engine.request.TargetOverride;
import io.gobuild.engine.request.UsageException;
import io.gobuild.engine.secret.Secret;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StepArgumentsTest {
    private static final StepPlace AGENT = new StepPlace("/home/agent/workspace/job", "/home/agent", "/home/agent/workspace/job@tmp", null, false);

    private static BuildStepArguments args(String module, String out, String cacheDir) {
        return new BuildStepArguments(List.of("linux/amd64", "windows/arm64"), null, null, List.of("netgo"), null, false, "-s -w", null,
                List.of("GOFLAGS=-mod=mod", "CGO_CFLAGS=-O2"), module, out, 3, true, null, null, "fail", cacheDir, "10G",
                List.of(new TargetOverride("windows/*", "-H windowsgui", null, null, null)), null, null, null, null, null, null, null, null);
    }

    @Test
    void pipelineArgumentsBecomeARequestWithPathsInsideTheWorkspaceAndTheCacheUnderTheAgentRoot() {
        BuildRequest request = args("src/app", "out", null).toRequest(AGENT, "/home/agent/workspace/job@tmp/netrc");

        assertThat(request.moduleDir()).isEqualTo("/home/agent/workspace/job/src/app");
        assertThat(request.out()).isEqualTo("/home/agent/workspace/job/out");
        assertThat(request.cacheDir()).isEqualTo("/home/agent/caches/gobuild");
        assertThat(request.targets()).containsExactly("linux/amd64", "windows/arm64");
        assertThat(request.tags()).containsExactly("netgo");
        assertThat(request.env()).containsExactly("GOFLAGS=-mod=mod", "CGO_CFLAGS=-O2");
        assertThat(request.parallel()).isEqualTo(3);
        assertThat(request.failFast()).isTrue();
        assertThat(request.trimpath()).isTrue();
        assertThat(request.cgo()).isFalse();
        assertThat(request.tidy()).isEqualTo("FAIL");
        assertThat(request.netrc()).isEqualTo("/home/agent/workspace/job@tmp/netrc");
        assertThat(request.tempDir()).isEqualTo("/home/agent/workspace/job@tmp/gobuild");
        assertThat(request.overrides()).extracting(TargetOverride::target).containsExactly("windows/*");
    }

    @Test
    void theCacheHomeIsTheCallsThenTheAgentsThenOneUnderTheAgentRootNeverTheWorkspace() {
        assertThat(args(null, null, "/cache/go").toRequest(AGENT, null).cacheDir()).isEqualTo("/cache/go");
        StepPlace configured = new StepPlace("/w/job", "/home/agent", "/w/job@tmp", "/mnt/gocache", false);
        assertThat(args(null, null, null).toRequest(configured, null).cacheDir()).isEqualTo("/mnt/gocache");
        StepPlace rootless = new StepPlace("/w/job", null, "/w/job@tmp", null, false);
        assertThat(args(null, null, null).toRequest(rootless, null).cacheDir()).isEqualTo("/w/job@tmp/gobuild-cache");
        StepPlace windows = new StepPlace("C:\\agent\\workspace\\job", "C:\\agent", "C:\\agent\\workspace\\job@tmp", null, false);
        assertThat(args(null, null, null).toRequest(windows, null).cacheDir()).isEqualTo("C:/agent/caches/gobuild");
        assertThat(args(null, null, null).toRequest(windows, null).moduleDir()).isEqualTo("C:/agent/workspace/job");
    }

    @Test
    void pathsOutsideTheWorkspaceAndBadEnvEntriesAreOneLineErrors() {
        assertThatThrownBy(() -> args(null, "../elsewhere", null).toRequest(AGENT, null)).isInstanceOf(UsageException.class)
                .hasMessage("out '../elsewhere' is outside the workspace /home/agent/workspace/job; accepted: a path inside it");
        assertThatThrownBy(() -> args("/etc", null, null).toRequest(AGENT, null)).hasMessageStartingWith("module '/etc' is outside");
        assertThatThrownBy(() -> args("../job2", null, null).toRequest(AGENT, null)).hasMessageStartingWith("module '../job2' is outside");
        BuildStepArguments badEnv = new BuildStepArguments(null, null, null, null, null, null, null, null, List.of("NOVALUE"), null, null,
                null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null);
        assertThatThrownBy(() -> badEnv.toRequest(AGENT, null)).hasMessage("env entry 'NOVALUE' is not KEY=value");
    }

    @Test
    void theBuiltInNodeIsRefusedUnlessAllowed() {
        StepPlace builtIn = new StepPlace("/var/jenkins_home/workspace/job", "/var/jenkins_home", "/x@tmp", null, true);
        assertThatThrownBy(() -> NodePolicy.check("goBuild", builtIn, false)).isInstanceOf(UsageException.class)
                .hasMessageStartingWith("goBuild does not run on the built-in node");
        NodePolicy.check("goBuild", builtIn, true);
        NodePolicy.check("goBuild", AGENT, false);
    }

    @Test
    void publishArgumentsResolveReportsInTheWorkspaceAndCarryTheSecretsTheStepPlaced() {
        PublishStepArguments args = new PublishStepArguments(null, "https://repo.example.com/generic/app", "zip", List.of("LICENSE"), null,
                null, true, null, null, null, null, 2);
        PublishStepArguments.Secrets secrets = new PublishStepArguments.Secrets("/w/job@tmp/k/key.asc", Secret.of("pw"), null, null,
                HttpAuth.basic("ci", Secret.of("token")));
        PublishRequest request = args.toRequest(new StepPlace("/w/job", "/a", "/w/job@tmp", null, false), secrets,
                "https://ci.example.com/job/app/7/", Map.of("SOURCE_DATE_EPOCH", "1"));

        assertThat(request.reports()).containsExactly("/w/job/dist/build-report.json");
        assertThat(request.destination()).isEqualTo("https://repo.example.com/generic/app");
        assertThat(request.signKey()).isEqualTo("/w/job@tmp/k/key.asc");
        assertThat(request.signArtifacts()).isTrue();
        assertThat(request.provenance()).isTrue();
        assertThat(request.retries()).isEqualTo(2);
        assertThat(request.builderId()).isEqualTo("https://ci.example.com/job/app/7/");
        assertThat(request.toString()).doesNotContain("pw", "token");
        PublishStepArguments toDirectory = new PublishStepArguments(List.of("cells/a/build-report.json"), "release", null, null, null, null,
                null, false, null, null, null, null);
        assertThat(toDirectory.toRequest(new StepPlace("/w/job", "/a", "/t", null, false), secrets, "b", Map.of()).destination())
                .isEqualTo("/w/job/release");
        assertThatThrownBy(() -> new PublishStepArguments(null, null, null, null, null, null, null, null, null, null, null, null)
                .toRequest(AGENT, secrets, "b", Map.of())).hasMessageStartingWith("goPublish needs a destination");
    }

    @Test
    void netrcHoldsOnlyWhatGoCanReadAndNamesNoSecretWhenItCannot() {
        assertThat(Netrc.render(List.of("git.example.com", "proxy.example.com:8443"), "ci", "s3cr3t"))
                .isEqualTo("machine git.example.com login ci password s3cr3t\nmachine proxy.example.com:8443 login ci password s3cr3t\n");
        assertThatThrownBy(() -> Netrc.render(List.of("git.example.com"), "ci", "two words")).hasMessageNotContaining("two words")
                .hasMessageContaining("whitespace");
        assertThatThrownBy(() -> Netrc.render(List.of("https://git.example.com"), "ci", "x")).hasMessageContaining("is not a host name");
        assertThatThrownBy(() -> Netrc.render(List.of(), "ci", "x")).hasMessageContaining("need the hosts");
    }
}
