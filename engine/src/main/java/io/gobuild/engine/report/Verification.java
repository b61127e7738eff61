package io.gobuild.engine.report;

import java.util.List;
import java.util.Map;

/**
 * The report's `verification` section: the overall outcome (the worst check, SKIP aside), every
 * check, and the module environment the go command used (URL credentials masked).
 */
public record Verification(CheckStatus status, boolean strict, List<Check> checks, Map<String, String> environment,
                           String reusedFrom) {
    public Verification {
        checks = checks == null ? List.of() : List.copyOf(checks);
        environment = environment == null ? Map.of() : Map.copyOf(environment);
    }

    /** Whether the run must stop: a FAIL, or a WARN under strict. */
    public boolean failed() {
        return status == CheckStatus.FAIL || strict && status == CheckStatus.WARN;
    }

    public static CheckStatus worst(List<Check> checks) {
        CheckStatus worst = CheckStatus.PASS;
        for (Check check : checks) {
            if (check.status() == CheckStatus.FAIL || check.status() == CheckStatus.WARN && worst == CheckStatus.PASS) {
                worst = check.status();
            }
        }
        return worst;
    }
}
