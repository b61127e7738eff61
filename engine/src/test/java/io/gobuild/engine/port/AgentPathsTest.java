package io.gobuild.engine.port;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AgentPathsTest {
    @Test
    void resolvesAndFoldsDots() {
        assertThat(AgentPaths.resolve("/work/ws", "./examples/hello/.")).isEqualTo("/work/ws/examples/hello");
        assertThat(AgentPaths.resolve("/work/ws", "../out")).isEqualTo("/work/out");
        assertThat(AgentPaths.resolve("/work/ws", "/abs/dir/")).isEqualTo("/abs/dir");
        assertThat(AgentPaths.resolve("C:\\agent\\ws", "dist")).isEqualTo("C:/agent/ws/dist");
        assertThat(AgentPaths.parent("/a/b/c")).isEqualTo("/a/b");
    }

    @Test
    void namesTheLastElementOnEitherSeparator() {
        assertThat(AgentPaths.name("/cache/state/linux_amd64.history.json")).isEqualTo("linux_amd64.history.json");
        assertThat(AgentPaths.name("C:\\cache\\state\\memo.json")).isEqualTo("memo.json");
        assertThat(AgentPaths.name("memo.json")).isEqualTo("memo.json");
    }
}
