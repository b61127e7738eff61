package io.gobuild.engine.report;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;

/**
 * A Go file of the main module that a target's build leaves out (or cannot read): why, the kind of
 * reason (FILENAME, GO_BUILD, PLUS_BUILD, CGO, RELEASE_TAG, CUSTOM_TAG, INVALID, OTHER) and the
 * terms that decided it, each with its value (`cgo=false`).
 */
public record SkippedFile(@JsonProperty("package") String packagePath, String file, String kind, String reason, List<String> decidingTerms) {
    public SkippedFile {
        decidingTerms = decidingTerms == null ? List.of() : List.copyOf(decidingTerms);
    }
}
