package io.gobuild.engine.report;

/**
 * The report's `cache` section: the agent's cache home, the size of Go's build cache before and
 * after the run, and what a size cap trimmed (entries are files of the build cache).
 */
public record CacheReport(String home, String buildCache, String moduleCache, long entriesBefore, long bytesBefore,
                          long entriesAfter, long bytesAfter, Long maxBytes, long trimmedEntries, long trimmedBytes) {
}
