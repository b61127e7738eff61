package io.gobuild.engine.publish;

import io.gobuild.engine.port.LogSink;
import io.gobuild.engine.secret.Redactor;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Set;

/**
 * An HTTP(S) repository that accepts PUT: WebDAV servers and the generic repositories of
 * Artifactory or Nexus. A file is uploaded under a temporary name and moved into place (WebDAV
 * MOVE); where the server cannot move, it is uploaded under its name and read back to compare
 * size and sha256. Transient failures (connection errors, 408, 429, 5xx) are retried with backoff.
 */
final class HttpDestination implements Destination {
    private static final Set<Integer> CANNOT_MOVE = Set.of(400, 403, 405, 501);
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(30)).build();
    private final String base;
    private final HttpAuth auth;
    private final Retry retry;
    private final LogSink log;
    private boolean moveUnsupported;

    HttpDestination(String url, HttpAuth auth, Retry retry, LogSink log) {
        this.base = url.endsWith("/") ? url : url + "/";
        this.auth = auth;
        this.retry = retry;
        this.log = log;
    }

    @Override
    public String location(String name) {
        return Redactor.urls(uri(name).toString());
    }

    private URI uri(String name) {
        StringBuilder path = new StringBuilder(base);
        String[] segments = name.split("/");
        for (int i = 0; i < segments.length; i++) {
            path.append(i == 0 ? "" : "/").append(URLEncoder.encode(segments[i], StandardCharsets.UTF_8).replace("+", "%20"));
        }
        return URI.create(path.toString());
    }

    @Override
    public Existing stat(String name) throws IOException, InterruptedException {
        return retry.call("read " + location(name), () -> {
            HttpResponse<InputStream> response = client.send(request(name).GET().build(), HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                if (response.statusCode() == 404 || response.statusCode() == 410) {
                    return null;
                }
                check(response.statusCode(), "GET", name);
                MessageDigest digest = io.gobuild.engine.port.Sha256.digest();
                ByteArrayOutputStream small = new ByteArrayOutputStream();
                long size = 0;
                byte[] buffer = new byte[1 << 16];
                for (int n; (n = body.read(buffer)) > 0; ) {
                    digest.update(buffer, 0, n);
                    if (size + n <= SMALL) {
                        small.write(buffer, 0, n);
                    }
                    size += n;
                }
                return new Existing(size, io.gobuild.engine.port.Sha256.hex(digest), size <= SMALL ? small.toByteArray() : null);
            }
        });
    }

    @Override
    public void put(String name, Path file, String sha256, long size) throws IOException, InterruptedException {
        if (!moveUnsupported) {
            int slash = name.lastIndexOf('/');
            String temp = name.substring(0, slash + 1) + "." + name.substring(slash + 1) + "." + sha256.substring(0, 12) + ".part";
            upload(temp, file);
            int status = retry.call("move " + location(temp), () -> {
                HttpResponse<Void> response = client.send(request(temp).method("MOVE", HttpRequest.BodyPublishers.noBody())
                        .header("Destination", uri(name).toString()).header("Overwrite", "T").build(), HttpResponse.BodyHandlers.discarding());
                if (!CANNOT_MOVE.contains(response.statusCode())) {
                    check(response.statusCode(), "MOVE", temp);
                }
                return response.statusCode();
            });
            if (!CANNOT_MOVE.contains(status)) {
                return;
            }
            moveUnsupported = true;
            log.info("publish: " + Redactor.urls(base) + " cannot move files (HTTP " + status + "); uploading in place and reading back");
            delete(temp);
        }
        upload(name, file);
        Existing published = stat(name);
        if (published == null || published.size() != size || !published.sha256().equals(sha256)) {
            throw new IOException("read back of " + location(name) + " does not match what was uploaded (sha256 "
                    + (published == null ? "missing" : published.sha256()) + ", expected " + sha256 + ")");
        }
    }

    private void upload(String name, Path file) throws IOException, InterruptedException {
        retry.call("upload " + location(name), () -> {
            HttpResponse<Void> response = client.send(request(name).PUT(HttpRequest.BodyPublishers.ofFile(file)).build(),
                    HttpResponse.BodyHandlers.discarding());
            check(response.statusCode(), "PUT", name);
            return null;
        });
    }

    private void delete(String name) throws InterruptedException {
        try {
            client.send(request(name).DELETE().build(), HttpResponse.BodyHandlers.discarding());
        } catch (IOException e) {
            log.warn("publish: could not delete " + location(name) + ": " + e.getMessage());
        }
    }

    private HttpRequest.Builder request(String name) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri(name)).timeout(Duration.ofMinutes(10));
        auth.header().ifPresent(value -> builder.header("Authorization", value));
        return builder;
    }

    private void check(int status, String method, String name) throws IOException {
        if (status >= 200 && status < 300) {
            return;
        }
        String where = method + " " + location(name);
        if (status == 401 || status == 403) {
            throw new Retry.Permanent("HTTP " + status + " for " + where + ": the server refused the upload credentials ("
                    + auth.describe() + ")");
        }
        if (status == 408 || status == 429 || status >= 500) {
            throw new IOException("HTTP " + status + " for " + where);
        }
        throw new Retry.Permanent("HTTP " + status + " for " + where);
    }
}
