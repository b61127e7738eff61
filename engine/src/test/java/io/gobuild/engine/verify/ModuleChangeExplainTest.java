package io.gobuild.engine.verify;

import io.gobuild.engine.GoBuildEngine;
import io.gobuild.engine.report.BuildReport;
import io.gobuild.engine.report.RebuildCause;
import io.gobuild.engine.report.RebuildKind;
import io.gobuild.engine.request.BuildRequest;
import io.gobuild.engine.support.GoTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A dependency module's new version, named as the cause of its packages' rebuild (the proxy fixture lives here). */
class ModuleChangeExplainTest {
    @TempDir
    Path temp;

    @Test
    void aNewDependencyVersionIsAModuleChange() throws Exception {
        VerifyFixture fixture = new VerifyFixture(temp);
        fixture.proxy.publish("example.com/dep", "v1.1.0", Map.of("dep.go", VerifyFixture.DEP_SOURCE.replace("hello", "hi")));
        build(fixture);
        fixture.edit("go.mod", "example.com/dep v1.0.0", "example.com/dep v1.1.0");
        fixture.go(fixture.app, "mod", "tidy");

        BuildReport report = build(fixture);

        RebuildCause dep = report.targets().get(0).rebuilds().causes().stream()
                .filter(c -> c.packagePath().equals("example.com/dep")).findFirst().orElseThrow();
        assertThat(dep.kind()).isEqualTo(RebuildKind.MODULE_CHANGED);
        assertThat(dep.detail()).contains("example.com/dep@v1.0.0").contains("example.com/dep@v1.1.0");
        assertThat(dep.root()).isTrue();
    }

    private static BuildReport build(VerifyFixture fixture) throws Exception {
        return new GoBuildEngine(GoTestSupport.host(fixture.app, fixture.env), fixture.log).build(BuildRequest.builder()
                .moduleDir(fixture.app.toString()).goflags("-modcacherw").verify(false).build());
    }
}
