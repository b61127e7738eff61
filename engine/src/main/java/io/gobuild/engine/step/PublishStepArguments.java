package io.gobuild.engine.step;

import io.gobuild.engine.port.AgentPaths;
import io.gobuild.engine.publish.ArchiveFormat;
import io.gobuild.engine.publish.HttpAuth;
import io.gobuild.engine.publish.PublishRequest;
import io.gobuild.engine.request.UsageException;
import io.gobuild.engine.secret.Secret;

import java.util.List;
import java.util.Map;

/**
 * The arguments of a `goPublish(...)` step, null meaning "the default", and how they become a
 * publish request once the step has put the credentials' secret material on the agent.
 */
public record PublishStepArguments(List<String> from, String to, String format, List<String> include, String nameTemplate,
                                   String checksumTemplate, Boolean signArtifacts, Boolean provenance, Boolean overwrite,
                                   String staging, String report, Integer retries) {
    /** The build report a goBuild call writes by default, relative to the workspace. */
    public static final String DEFAULT_REPORT = "dist/build-report.json";

    public PublishStepArguments {
        from = from == null || from.isEmpty() ? List.of(DEFAULT_REPORT) : List.copyOf(from);
        include = include == null ? List.of() : List.copyOf(include);
    }

    /** Secrets the step looked up and placed: key files in a private temporary directory, passphrases in memory. */
    public record Secrets(String signKeyFile, Secret passphrase, String cosignKeyFile, Secret cosignPassphrase, HttpAuth auth) {
    }

    public PublishRequest toRequest(StepPlace place, Secrets secrets, String builderId, Map<String, String> environment) {
        if (to == null || to.isBlank()) {
            throw new UsageException("goPublish needs a destination: to: 'https://repo.example.com/...' or a directory");
        }
        if (retries != null && retries < 0) {
            throw new UsageException("retries " + retries + " is negative; accepted: 0 or more");
        }
        List<String> reports = from.stream().map(r -> BuildStepArguments.inside(place, r, "report")).toList();
        PublishRequest.Builder request = PublishRequest.builder().reports(reports).workingDirectory(AgentPaths.normalize(place.workspace()))
                .destination(to.matches("(?i)^[a-z][a-z0-9+.-]*://.*") ? to : AgentPaths.resolve(place.workspace(), to))
                .format(ArchiveFormat.parse(format)).extraFiles(include).nameTemplate(nameTemplate).checksumTemplate(checksumTemplate)
                .signKey(secrets.signKeyFile(), secrets.passphrase()).cosignKey(secrets.cosignKeyFile(), secrets.cosignPassphrase())
                .signArtifacts(Boolean.TRUE.equals(signArtifacts)).provenance(provenance == null || provenance)
                .overwrite(Boolean.TRUE.equals(overwrite)).auth(secrets.auth()).builderId(builderId).environment(environment)
                .staging(staging == null ? null : BuildStepArguments.inside(place, staging, "staging"))
                .reportPath(report == null ? null : BuildStepArguments.inside(place, report, "report"));
        if (retries != null) {
            request.retries(retries, 500);
        }
        return request.build();
    }
}
