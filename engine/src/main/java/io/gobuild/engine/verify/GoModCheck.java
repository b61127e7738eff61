package io.gobuild.engine.verify;

import io.gobuild.engine.report.Check;
import io.gobuild.engine.report.CheckStatus;
import io.gobuild.engine.toolchain.GoVersion;

import java.util.List;
import java.util.Optional;

/** go.mod's `go` and `toolchain` lines against the Go in use. */
final class GoModCheck implements ModuleCheck {
    @Override
    public String id() {
        return "go-mod";
    }

    @Override
    public Check run(VerifyContext context) {
        String goLine = context.goMod().path("Go").asText("");
        String toolchainLine = context.goMod().path("Toolchain").asText("");
        GoVersion inUse = context.toolchain().version();
        String local = context.offline().environment().getOrDefault("GOTOOLCHAIN", "local");
        Optional<GoVersion> required = GoVersion.parse(goLine);
        if (required.isPresent() && required.get().compareTo(inUse) > 0) {
            return new Check(id(), CheckStatus.FAIL, "go.mod requires go >= " + goLine + " but the Go in use is "
                    + context.toolchain().versionText() + " (GOTOOLCHAIN=" + local + "); install Go " + goLine
                    + " or newer, or allow GOTOOLCHAIN=auto", List.of("go " + goLine));
        }
        Optional<GoVersion> suggested = GoVersion.parse(toolchainLine);
        if (suggested.isPresent() && suggested.get().compareTo(inUse) > 0) {
            return new Check(id(), CheckStatus.WARN, "go.mod suggests toolchain " + toolchainLine + " but "
                    + context.toolchain().versionText() + " builds (GOTOOLCHAIN=" + local + ")", List.of("toolchain " + toolchainLine));
        }
        return Check.pass(id(), "go.mod parses; go " + (goLine.isEmpty() ? "(none)" : goLine)
                + (toolchainLine.isEmpty() ? "" : ", toolchain " + toolchainLine) + " is satisfied by " + context.toolchain().versionText());
    }
}
