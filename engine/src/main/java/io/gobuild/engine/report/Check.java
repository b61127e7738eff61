package io.gobuild.engine.report;

import java.util.List;

/** One verification check: a stable id, its outcome, one line for people, and the evidence. */
public record Check(String id, CheckStatus status, String message, List<String> details) {
    public Check {
        details = details == null ? List.of() : List.copyOf(details);
    }

    public static Check pass(String id, String message) {
        return new Check(id, CheckStatus.PASS, message, List.of());
    }

    public static Check skip(String id, String reason) {
        return new Check(id, CheckStatus.SKIP, reason, List.of());
    }
}
