package io.gobuild.engine.explain;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.util.List;

/** One file as the build-tag helper judged it for one target. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record FileVerdict(String packagePath, String file, boolean included, boolean invalid, String reason, String kind,
                          List<String> decidingTerms, boolean mismatch) {
    public FileVerdict {
        decidingTerms = decidingTerms == null ? List.of() : List.copyOf(decidingTerms);
    }
}
