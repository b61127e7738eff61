package io.gobuild.engine.build;

import io.gobuild.engine.report.BuildInfo;
import io.gobuild.engine.report.BuildInfo.ModuleVersion;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class BuildInfoParserTest {
    @Test
    void readsEveryFileOfOneCall() {
        String output = String.join("\n",
                "/out/linux_amd64/hello: go1.26.8",
                "\tpath\texample.com/hello/cmd/hello",
                "\tmod\texample.com/hello\t(devel)\t",
                "\tdep\tgolang.org/x/text\tv0.3.0\th1:abc=",
                "\t=>\t../text\t(devel)\t",
                "\tbuild\t-ldflags=\"-X main.version=1\"",
                "\tbuild\tGOOS=linux",
                "/out/windows_amd64/hello.exe: go1.26.8",
                "\tpath\texample.com/hello/cmd/hello",
                "\tbuild\tGOOS=windows",
                "");
        Map<String, BuildInfo> infos = new BuildInfoParser().parse(output);
        assertThat(infos).containsOnlyKeys("/out/linux_amd64/hello", "/out/windows_amd64/hello.exe");
        BuildInfo linux = infos.get("/out/linux_amd64/hello");
        assertThat(linux.goVersion()).isEqualTo("go1.26.8");
        assertThat(linux.main()).isEqualTo(new ModuleVersion("example.com/hello", "(devel)", null, null));
        assertThat(linux.deps()).containsExactly(new ModuleVersion("golang.org/x/text", "v0.3.0", "h1:abc=",
                new ModuleVersion("../text", "(devel)", null, null)));
        assertThat(linux.settings()).containsEntry("GOOS", "linux").containsEntry("-ldflags", "\"-X main.version=1\"");
        assertThat(infos.get("/out/windows_amd64/hello.exe").settings()).containsEntry("GOOS", "windows");
    }
}
