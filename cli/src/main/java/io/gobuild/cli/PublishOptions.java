package io.gobuild.cli;

import io.gobuild.engine.publish.ArchiveFormat;
import io.gobuild.engine.publish.HttpAuth;
import io.gobuild.engine.publish.PublishRequest;
import io.gobuild.engine.request.UsageException;
import io.gobuild.engine.secret.Secret;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * How a release is packaged, signed and uploaded; shared by `gobuild publish` and `gobuild build
 * --publish`. Secrets come from environment variables or files, never from the command line.
 */
final class PublishOptions {
    @Option(names = "--format", paramLabel = "auto|tar.gz|zip|binary",
            description = "Archive format (default auto: zip for windows, tar.gz elsewhere; binary publishes bare binaries).")
    String format;

    @Option(names = "--include", paramLabel = "FILE", split = ",",
            description = "Extra files for every archive (LICENSE, README.md), relative to the module directory; repeatable.")
    List<String> include = new ArrayList<>();

    @Option(names = "--name-template", paramLabel = "TEMPLATE",
            description = "Archive name without extension (default: " + PublishRequest.DEFAULT_NAME_TEMPLATE + ").")
    String nameTemplate;

    @Option(names = "--checksum-template", paramLabel = "TEMPLATE",
            description = "Checksum file name (default: " + PublishRequest.DEFAULT_CHECKSUM_TEMPLATE + ").")
    String checksumTemplate;

    @Option(names = "--sign-key", paramLabel = "FILE", description = "Armoured OpenPGP secret key: signs the checksum file (.asc).")
    String signKey;

    @Option(names = "--passphrase-env", paramLabel = "VAR", description = "Environment variable holding the OpenPGP key's passphrase.")
    String passphraseEnv;

    @Option(names = "--passphrase-file", paramLabel = "FILE", description = "File holding the OpenPGP key's passphrase.")
    String passphraseFile;

    @Option(names = "--cosign-key", paramLabel = "FILE", description = "cosign private key (cosign generate-key-pair): .sig files and a signed provenance.")
    String cosignKey;

    @Option(names = "--cosign-passphrase-env", paramLabel = "VAR", defaultValue = "COSIGN_PASSWORD",
            description = "Environment variable holding the cosign key's password (default: COSIGN_PASSWORD).")
    String cosignPassphraseEnv;

    @Option(names = "--cosign-passphrase-file", paramLabel = "FILE", description = "File holding the cosign key's password.")
    String cosignPassphraseFile;

    @Option(names = "--sign-artifacts", description = "Sign every archive and the provenance too, not only the checksum file.")
    boolean signArtifacts;

    @Option(names = "--no-provenance", description = "Do not write SLSA provenance.")
    boolean noProvenance;

    @Option(names = "--builder-id", paramLabel = "URI", description = "The provenance's builder id (default: " + PublishRequest.DEFAULT_BUILDER_ID + ").")
    String builderId;

    @Option(names = "--overwrite", description = "Replace published files whose content differs (default: refuse, publish nothing).")
    boolean overwrite;

    @Option(names = "--username", paramLabel = "NAME", description = "User for HTTP basic authentication.")
    String username;

    @Option(names = "--password-env", paramLabel = "VAR", description = "Environment variable holding the HTTP password.")
    String passwordEnv;

    @Option(names = "--password-file", paramLabel = "FILE", description = "File holding the HTTP password.")
    String passwordFile;

    @Option(names = "--token-env", paramLabel = "VAR", description = "Environment variable holding an HTTP bearer token.")
    String tokenEnv;

    @Option(names = "--token-file", paramLabel = "FILE", description = "File holding an HTTP bearer token.")
    String tokenFile;

    @Option(names = "--staging", paramLabel = "DIR", description = "Where the release is assembled (default: release/ beside the first report).")
    String staging;

    @Option(names = "--retries", paramLabel = "N", defaultValue = "4", description = "Retries of a transient upload failure (default: 4).")
    int retries;

    PublishRequest.Builder applyTo(PublishRequest.Builder builder, Main.Console console) {
        if (passphraseEnv != null || passphraseFile != null) {
            require(signKey != null, "--passphrase-env/--passphrase-file need --sign-key FILE");
        }
        if (retries < 0) {
            throw new UsageException("--retries " + retries + " is negative; accepted: 0 or more");
        }
        Secret passphrase = secret(console, passphraseEnv, "--passphrase-env", passphraseFile, "--passphrase-file", false);
        Secret cosignPassphrase = cosignKey == null ? null
                : secret(console, cosignPassphraseFile == null ? cosignPassphraseEnv : null, "--cosign-passphrase-env",
                        cosignPassphraseFile, "--cosign-passphrase-file", true);
        return builder.workingDirectory(console.workingDirectory()).environment(console.environment())
                .format(ArchiveFormat.parse(format)).extraFiles(include).nameTemplate(nameTemplate).checksumTemplate(checksumTemplate)
                .signKey(signKey, passphrase).cosignKey(cosignKey, cosignPassphrase).signArtifacts(signArtifacts)
                .provenance(!noProvenance).builderId(builderId).overwrite(overwrite).auth(auth(console)).staging(staging)
                .retries(retries, 500);
    }

    private HttpAuth auth(Main.Console console) {
        Secret token = secret(console, tokenEnv, "--token-env", tokenFile, "--token-file", false);
        Secret password = secret(console, passwordEnv, "--password-env", passwordFile, "--password-file", false);
        if (token != null) {
            require(username == null && password == null, "give either a bearer token or --username with a password, not both");
            return HttpAuth.bearer(token);
        }
        if (password != null) {
            require(username != null, "--password-env/--password-file need --username NAME");
        }
        return username == null ? HttpAuth.NONE : HttpAuth.basic(username, password);
    }

    /** A secret from an environment variable or a file; an unset variable is tolerated only when optional. */
    private static Secret secret(Main.Console console, String env, String envOption, String file, String fileOption, boolean optional) {
        require(env == null || file == null || optional, envOption + " and " + fileOption + " are alternatives; give one");
        if (file != null) {
            Path path = Path.of(console.workingDirectory()).resolve(file);
            try {
                return Secret.fromFile(Files.readAllBytes(path));
            } catch (IOException e) {
                throw new UsageException(fileOption + " " + path + " cannot be read");
            }
        }
        if (env != null) {
            String value = console.environment().get(env);
            if (value == null) {
                require(optional, "environment variable " + env + " (" + envOption + ") is not set");
                return Secret.of("");
            }
            return Secret.of(value);
        }
        return null;
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new UsageException(message);
        }
    }
}
