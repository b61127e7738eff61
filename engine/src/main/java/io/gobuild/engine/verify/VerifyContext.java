package io.gobuild.engine.verify;

import com.fasterxml.jackson.databind.JsonNode;
import io.gobuild.engine.port.FilePort;
import io.gobuild.engine.port.LogSink;
import io.gobuild.engine.report.CheckStatus;
import io.gobuild.engine.toolchain.GoInvocation;
import io.gobuild.engine.toolchain.Toolchain;

import java.util.Map;

/**
 * What every check reads. Commands that could write (download, tidy without -diff, vendor) run in
 * scratch copies of the module; the user's directory only ever sees read-only go commands.
 *
 * @param offline go with GOPROXY=off and -mod=readonly: checks never wait on the network
 * @param online go with the caller's proxy settings and credentials, for downloading only
 * @param emptyModuleCache whether the module cache was empty (or absent) when verification started
 */
record VerifyContext(String moduleDir, Scratch scratch, String tempDir, FilePort files, LogSink log,
                     Toolchain toolchain, GoInvocation offline, GoInvocation online, Map<String, String> goEnv,
                     JsonNode goMod, GoSum goSum, CheckStatus untidySeverity, boolean emptyModuleCache) {
    String modCache() {
        return goEnv.getOrDefault("GOMODCACHE", "");
    }

    /** The offline go with another -mod mode (vendor, mod), keeping the rest of the caller's GOFLAGS. */
    GoInvocation offlineWithMod(String mode) {
        return withMod(offline, mode);
    }

    static GoInvocation withMod(GoInvocation go, String mode) {
        String flags = go.environment().getOrDefault("GOFLAGS", "").replaceAll("(^|\\s)-mod=\\S+", " ").trim();
        return go.with(java.util.Map.of("GOFLAGS", (flags + " -mod=" + mode).trim()));
    }
}
