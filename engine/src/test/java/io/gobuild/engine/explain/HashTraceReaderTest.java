package io.gobuild.engine.explain;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The trace reader on lines as go prints them (strconv.Quote), interleaved as parallel compiles do. */
class HashTraceReaderTest {
    private static HashTrace read(String text) throws Exception {
        return new HashTraceReader().process(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void groupsWritesByActionAndEndsEachAtItsSum() throws Exception {
        String sumA = "a".repeat(64);
        String sumB = "b".repeat(64);
        HashTrace trace = read(String.join("\n",
                "HASH[build example.com/a]: \"go1.26\\n\"",
                "HASH[link example.com/cmd]: \"ldflags \\\"-s -w\\\"\\n\"",
                "HASH[build example.com/a]: \"file a.go 123\\n\"",
                "example.com/a",
                "HASH[build example.com/a]: " + sumA,
                "HASH[link example.com/cmd]: " + sumB,
                "HASH[open /tmp/x]: " + sumA,
                "./a.go:3:1: syntax error", ""));

        assertThat(trace.actions()).containsOnlyKeys("build example.com/a", "link example.com/cmd");
        assertThat(trace.actions().get("build example.com/a").actionId()).isEqualTo(sumA);
        assertThat(trace.actions().get("build example.com/a").inputs()).containsExactly("go1.26", "file a.go 123");
        assertThat(trace.actions().get("link example.com/cmd").inputs()).containsExactly("ldflags \"-s -w\"");
        assertThat(trace.compiled()).containsExactly("example.com/a");
        assertThat(trace.otherLines()).containsExactly("./a.go:3:1: syntax error");
    }

    @Test
    void unquotesEveryEscapeGoPrints() {
        assertThat(GoQuoted.unquote("plain text\\n")).isEqualTo("plain text\n");
        assertThat(GoQuoted.unquote("tab\\there \\\\ \\\"q\\\"")).isEqualTo("tab\there \\ \"q\"");
        assertThat(GoQuoted.unquote("caf\\xc3\\xa9 \\303\\251 \\u00e9 \\U0001F600 \\r\\a")).isEqualTo("café é é \uD83D\uDE00 \r\u0007");
        assertThat(GoQuoted.unquote("ünïcode as is")).isEqualTo("ünïcode as is");
        assertThat(List.of(GoQuoted.unquote(""))).containsExactly("");
    }
}
