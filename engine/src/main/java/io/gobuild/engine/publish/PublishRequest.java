package io.gobuild.engine.publish;

import io.gobuild.engine.secret.Secret;

import java.io.Serializable;
import java.util.List;
import java.util.Map;

/**
 * What to publish and how (docs/publish.md): the build reports whose artifacts make the release,
 * the destination (a directory or an http(s) URL), packaging, signing keys with their passphrases,
 * and upload credentials. Relative paths resolve against the working directory.
 *
 * @param format          null for the per-target default (zip for windows, tar.gz elsewhere)
 * @param extraFiles      files added to every archive (LICENSE, README.md); relative ones resolve
 *                        against the module directory of the first report when it exists
 * @param environment     SOURCE_DATE_EPOCH is read from it
 * @param staging         where the release is assembled; null for `release/` beside the first report
 * @param reportPath      the publish report; null for `publish-report.json` beside the first report
 * @param retryDelayMillis the first pause before retrying a transient failure, doubled each time
 */
public record PublishRequest(List<String> reports, String destination, String workingDirectory, ArchiveFormat format,
                             List<String> extraFiles, String nameTemplate, String checksumTemplate, String signKey,
                             Secret passphrase, String cosignKey, Secret cosignPassphrase, boolean signArtifacts,
                             boolean provenance, boolean overwrite, HttpAuth auth, String staging, String reportPath,
                             int retries, long retryDelayMillis, String builderId, Map<String, String> environment)
        implements Serializable {
    public static final String DEFAULT_NAME_TEMPLATE = "{{.Name}}_{{.Version}}_{{.Os}}_{{.Arch}}{{.Variant}}";
    public static final String DEFAULT_CHECKSUM_TEMPLATE = "{{.Name}}_{{.Version}}_checksums.txt";
    public static final String DEFAULT_BUILDER_ID = "urn:gobuild:cli";

    public PublishRequest {
        reports = List.copyOf(reports);
        extraFiles = extraFiles == null ? List.of() : List.copyOf(extraFiles);
        nameTemplate = nameTemplate == null ? DEFAULT_NAME_TEMPLATE : nameTemplate;
        checksumTemplate = checksumTemplate == null ? DEFAULT_CHECKSUM_TEMPLATE : checksumTemplate;
        auth = auth == null ? HttpAuth.NONE : auth;
        builderId = builderId == null ? DEFAULT_BUILDER_ID : builderId;
        environment = environment == null ? Map.of() : Map.copyOf(environment);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds a request; everything but reports and destination has a default. */
    public static final class Builder {
        private List<String> reports = List.of();
        private String destination;
        private String workingDirectory = System.getProperty("user.dir");
        private ArchiveFormat format;
        private List<String> extraFiles = List.of();
        private String nameTemplate;
        private String checksumTemplate;
        private String signKey;
        private Secret passphrase;
        private String cosignKey;
        private Secret cosignPassphrase;
        private boolean signArtifacts;
        private boolean provenance = true;
        private boolean overwrite;
        private HttpAuth auth;
        private String staging;
        private String reportPath;
        private int retries = 4;
        private long retryDelayMillis = 500;
        private String builderId;
        private Map<String, String> environment = Map.of();

        public Builder reports(List<String> value) { reports = value; return this; }
        public Builder destination(String value) { destination = value; return this; }
        public Builder workingDirectory(String value) { workingDirectory = value; return this; }
        public Builder format(ArchiveFormat value) { format = value; return this; }
        public Builder extraFiles(List<String> value) { extraFiles = value; return this; }
        public Builder nameTemplate(String value) { nameTemplate = value; return this; }
        public Builder checksumTemplate(String value) { checksumTemplate = value; return this; }
        public Builder signKey(String file, Secret value) { signKey = file; passphrase = value; return this; }
        public Builder cosignKey(String file, Secret value) { cosignKey = file; cosignPassphrase = value; return this; }
        public Builder signArtifacts(boolean value) { signArtifacts = value; return this; }
        public Builder provenance(boolean value) { provenance = value; return this; }
        public Builder overwrite(boolean value) { overwrite = value; return this; }
        public Builder auth(HttpAuth value) { auth = value; return this; }
        public Builder staging(String value) { staging = value; return this; }
        public Builder reportPath(String value) { reportPath = value; return this; }
        public Builder retries(int count, long firstDelayMillis) { retries = count; retryDelayMillis = firstDelayMillis; return this; }
        public Builder builderId(String value) { builderId = value; return this; }
        public Builder environment(Map<String, String> value) { environment = value; return this; }

        public PublishRequest build() {
            return new PublishRequest(reports, destination, workingDirectory, format, extraFiles, nameTemplate, checksumTemplate,
                    signKey, passphrase, cosignKey, cosignPassphrase, signArtifacts, provenance, overwrite, auth, staging,
                    reportPath, retries, retryDelayMillis, builderId, environment);
        }
    }
}
