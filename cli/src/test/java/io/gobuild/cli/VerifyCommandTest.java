package io.gobuild.cli;

import io.gobuild.engine.support.GoTestSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class VerifyCommandTest {
    @TempDir
    Path temp;
    private Path module;

    @BeforeEach
    void copyExample() {
        module = GoTestSupport.copyExample(temp);
    }

    @Test
    void aCleanModuleVerifiesWithExitZeroAndEveryCheckListed() {
        CliRun run = CliRun.run(module, "verify");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).containsPattern("PASS +go-sum +go.sum covers").containsPattern("PASS +tidy ")
                .contains("report:   " + module.resolve("dist/verify-report.json"));
    }

    @Test
    void aFailedCheckExitsOneAndStopsTheBuildBeforeItCompiles() throws Exception {
        Files.writeString(module.resolve("go.mod"), "module example.com/hello\n\ngo 1.99\n");

        CliRun verify = CliRun.run(module, "verify");
        CliRun build = CliRun.run(module, "build", "-t", "linux/amd64");

        assertThat(verify.exitCode()).isEqualTo(1);
        assertThat(verify.out()).containsPattern("FAIL +go-mod +go.mod requires go >= 1.99");
        assertThat(build.exitCode()).isEqualTo(1);
        assertThat(build.out()).containsPattern("linux/amd64 +SKIPPED").contains("verification failed: nothing was built");
    }

    @Test
    void strictMakesWarningsFail() throws Exception {
        Files.writeString(module.resolve("go.mod"), Files.readString(module.resolve("go.mod"))
                + "\nreplace example.com/nowhere => ../nowhere\n");

        assertThat(CliRun.run(module, "verify").exitCode()).isZero();
        assertThat(CliRun.run(module, "verify", "--strict").exitCode()).isEqualTo(1);
    }

    @Test
    void badVerifyOptionsAreUsageErrors() {
        CliRun run = CliRun.run(module, "verify", "--tidy", "maybe");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().strip()).isEqualTo("gobuild: invalid tidy severity 'MAYBE'; accepted: WARN, FAIL");
    }
}
