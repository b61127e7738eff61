package io.gobuild.engine.cache;

import com.fasterxml.jackson.core.type.TypeReference;
import io.gobuild.engine.local.LocalFilePort;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The memo on a real directory: a remembered answer is reused, one of another shape is a miss. */
class MemoTest {
    @TempDir
    Path temp;

    @Test
    void anAnswerOfAnotherShapeUnderTheSameKeyIsAskedAgainNotAnError() throws Exception {
        Memo memo = new Memo(new LocalFilePort(), temp.resolve("memo").toString());
        assertThat(memo.holds("slot")).isFalse();

        List<String> first = memo.get("slot", "key", new TypeReference<>() { }, () -> List.of("a", "b"));
        List<String> again = memo.get("slot", "key", new TypeReference<>() { }, () -> List.of("asked again"));
        Map<String, Integer> reshaped = memo.get("slot", "key", new TypeReference<>() { }, () -> Map.of("a", 1));

        assertThat(memo.holds("slot")).isTrue();
        assertThat(first).containsExactly("a", "b");
        assertThat(again).as("remembered").containsExactly("a", "b");
        assertThat(reshaped).containsExactly(Map.entry("a", 1));
    }
}
