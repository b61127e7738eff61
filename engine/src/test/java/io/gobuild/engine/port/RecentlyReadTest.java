package io.gobuild.engine.port;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RecentlyReadTest {
    private static FileEntry file(String identity, long size, long modified) {
        return new FileEntry("history.json", false, size, modified, identity);
    }

    @Test
    void aValueServesOnlyTheFileItCameFrom() {
        RecentlyRead<String> recent = new RecentlyRead<>(2);
        recent.put("/state/a", file("ino1", 10, 1000), "parsed a");

        assertThat(recent.get("/state/a", file("ino1", 10, 1000))).contains("parsed a");
        assertThat(recent.get("/state/a", file("ino2", 10, 1000))).as("replaced by a write").isEmpty();
        assertThat(recent.get("/state/a", file("ino1", 11, 1000))).as("rewritten in place").isEmpty();
        assertThat(recent.get("/state/a", file("ino1", 10, 1001))).as("touched").isEmpty();
        assertThat(recent.get("/state/b", file("ino1", 10, 1000))).as("another path").isEmpty();
    }

    @Test
    void withoutAFileIdentityNothingIsKept() {
        RecentlyRead<String> recent = new RecentlyRead<>(2);
        FileEntry timeOnly = file(FileEntry.TIME_ONLY + 1000, 10, 1000);
        recent.put("/state/a", timeOnly, "parsed a");

        assertThat(recent.get("/state/a", timeOnly)).isEmpty();
    }

    @Test
    void onlyTheMostRecentlyUsedAreKept() {
        RecentlyRead<String> recent = new RecentlyRead<>(2);
        recent.put("/a", file("1", 1, 1), "a");
        recent.put("/b", file("2", 1, 1), "b");
        recent.get("/a", file("1", 1, 1));
        recent.put("/c", file("3", 1, 1), "c");

        assertThat(recent.get("/a", file("1", 1, 1))).contains("a");
        assertThat(recent.get("/b", file("2", 1, 1))).isEmpty();
        assertThat(recent.get("/c", file("3", 1, 1))).contains("c");
    }
}
