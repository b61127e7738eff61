package io.gobuild.engine.verify;

import io.gobuild.engine.report.BuildReport;
import io.gobuild.engine.report.CheckStatus;
import io.gobuild.engine.request.BuildRequest;
import io.gobuild.engine.support.NginxServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static io.gobuild.engine.verify.VerifyFixture.check;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** A private module proxy behind basic authentication on a real nginx, reached with a netrc. */
class PrivateModuleTest {
    private static final String PASSWORD = "s3cret-pass-77";

    @TempDir
    Path temp;

    @Test
    void privateModulesDownloadWithTheGivenNetrcAndTheCredentialsReachNoLogOrReport() throws Exception {
        assumeTrue(NginxServer.installed(), "nginx is not installed (.ci/run installs nginx-extras)");
        VerifyFixture fixture = new VerifyFixture(temp.resolve("fixture"));
        try (NginxServer nginx = NginxServer.serve(fixture.proxy.root(), temp.resolve("nginx"), "gopher", PASSWORD)) {
            fixture.env.put("GOPROXY", nginx.url());
            fixture.env.put("SSL_CERT_FILE", nginx.certificate().toString());
            fixture.useCacheHome(temp.resolve("empty-home"));
            Path netrc = temp.resolve("netrc");
            Files.writeString(netrc, "machine " + nginx.hostAndPort() + " login gopher password " + PASSWORD + "\n");

            BuildReport denied = fixture.verify();
            BuildReport report = fixture.verify(BuildRequest.builder().netrc(netrc.toString()));

            assertThat(check(denied, "download").status()).isEqualTo(CheckStatus.FAIL);
            assertThat(check(denied, "download").message()).contains("example.com/dep");
            assertThat(check(report, "download").status()).as(check(report, "download").message()).isEqualTo(CheckStatus.PASS);
            assertThat(check(report, "module-cache").status()).isEqualTo(CheckStatus.PASS);
            assertThat(VerifyFixture.cacheHome(temp.resolve("empty-home")).resolve("go-mod/example.com/dep@v1.0.0/dep.go")).exists();
            String written = Files.readString(fixture.app.resolve("dist/verify-report.json"));
            assertThat(written).doesNotContain(PASSWORD);
            assertThat(fixture.log.text()).doesNotContain(PASSWORD);
            assertThat(report.request().netrc()).isEqualTo(netrc.toString());
        }
        try (var left = Files.walk(temp.resolve("empty-home"))) {
            assertThat(left.filter(p -> p.getFileName().toString().equals(".netrc")).toList())
                    .as("the netrc copy handed to go is removed").isEmpty();
        }
    }
}
