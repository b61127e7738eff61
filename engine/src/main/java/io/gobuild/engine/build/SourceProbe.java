package io.gobuild.engine.build;

import io.gobuild.engine.port.Command;
import io.gobuild.engine.port.CommandPort;
import io.gobuild.engine.port.Concurrently;
import io.gobuild.engine.report.SourceInfo;
import io.gobuild.engine.report.SourceInfo.DateSource;

import java.io.IOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads version, commit and dates from the request, SOURCE_DATE_EPOCH and git, in that order of
 * precedence. Outside a git checkout (or without git) only what the request says is known.
 */
public final class SourceProbe {
    private final CommandPort commands;
    private final Map<String, String> environment;

    public SourceProbe(CommandPort commands, Map<String, String> environment) {
        this.commands = commands;
        this.environment = environment;
    }

    public SourceInfo probe(String moduleDir, String version, String commit, Instant buildStart)
            throws IOException, InterruptedException {
        // Three independent git queries, at once: each process start costs more than its work.
        Concurrently<Optional<String>> describe = Concurrently.start(() -> git(moduleDir, "describe", "--tags", "--always", "--dirty"));
        Concurrently<Optional<String>> status = Concurrently.start(() -> git(moduleDir, "status", "--porcelain"));
        Optional<String[]> head = git(moduleDir, "log", "-1", "--format=%H %ct").map(s -> s.split(" "));
        String resolvedCommit = !commit.isEmpty() ? commit : head.map(h -> h[0]).orElse("");
        String resolvedVersion = !version.isEmpty() ? version
                : head.isPresent() ? describe.get().map(SourceProbe::stripV).orElse("dev") : "dev";
        Optional<Instant> commitTime = head.map(h -> Instant.ofEpochSecond(Long.parseLong(h[1])));
        Boolean dirty = head.isEmpty() ? null : status.get().map(s -> !s.isEmpty()).orElse(null);

        String epoch = environment.getOrDefault("SOURCE_DATE_EPOCH", "");
        Instant date;
        DateSource dateSource;
        if (epoch.matches("\\d+")) {
            date = Instant.ofEpochSecond(Long.parseLong(epoch));
            dateSource = DateSource.SOURCE_DATE_EPOCH;
        } else if (commitTime.isPresent()) {
            date = commitTime.get();
            dateSource = DateSource.COMMIT_TIME;
        } else {
            date = buildStart.truncatedTo(ChronoUnit.SECONDS);
            dateSource = DateSource.BUILD_START;
        }
        return new SourceInfo(resolvedVersion, resolvedCommit, commitTime.map(Instant::toString).orElse(null), dirty,
                date.toString(), dateSource);
    }

    /** v1.2.3 becomes 1.2.3, as Go release tooling conventionally presents versions. */
    private static String stripV(String describe) {
        return describe.matches("^v\\d.*") ? describe.substring(1) : describe;
    }

    private Optional<String> git(String dir, String... args) throws IOException, InterruptedException {
        List<String> argv = new ArrayList<>(List.of("git", "-C", dir));
        argv.addAll(List.of(args));
        StringBuilder out = new StringBuilder();
        try {
            int exit = commands.run(new Command(argv, environment, dir), line -> out.append(line).append('\n'), line -> { });
            return exit == 0 ? Optional.of(out.toString().strip()) : Optional.empty();
        } catch (CommandPort.ProgramNotFoundException e) {
            return Optional.empty();
        }
    }
}
