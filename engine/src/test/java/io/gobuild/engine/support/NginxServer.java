package io.gobuild.engine.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real nginx on a loopback port, serving a directory over HTTPS (a self-signed certificate made by openssl) behind basic
 * authentication, or over plain HTTP as a WebDAV repository. Started and stopped by the test.
 */
public final class NginxServer implements AutoCloseable {
    private final Process process;
    private final int port;
    private final Path certificate;
    private final boolean tls;

    private NginxServer(Process process, int port, Path certificate, boolean tls) {
        this.process = process;
        this.port = port;
        this.certificate = certificate;
        this.tls = tls;
    }

    public static boolean installed() {
        return Files.isExecutable(Path.of("/usr/sbin/nginx"));
    }

    /** Serves root at https://127.0.0.1:PORT/ to the one user given. */
    public static NginxServer serve(Path root, Path workDir, String user, String password) throws IOException, InterruptedException {
        return start(root, workDir, user, password, true, "");
    }

    /**
     * A WebDAV repository at http://127.0.0.1:PORT/ that accepts PUT, MOVE and DELETE from the one
     * user given (what nginx-extras' dav module offers generic repositories).
     */
    public static NginxServer webdav(Path root, Path workDir, String user, String password) throws IOException, InterruptedException {
        return webdav(root, workDir, user, password, "PUT DELETE MKCOL COPY MOVE");
    }

    /** A repository that accepts only the given DAV methods (PUT DELETE: a generic repository that cannot move files). */
    public static NginxServer webdav(Path root, Path workDir, String user, String password, String methods)
            throws IOException, InterruptedException {
        return start(root, workDir, user, password, false, String.join("\n",
                "      dav_methods " + methods + ";",
                "      create_full_put_path on;",
                "      dav_access user:rw group:r all:r;",
                "      client_max_body_size 200m;"));
    }

    /** A WebDAV repository that takes one bearer token instead of basic authentication. */
    public static NginxServer webdavWithToken(Path root, Path workDir, String token) throws IOException, InterruptedException {
        return start(root, workDir, "unused", "unused", false, String.join("\n",
                "      if ($http_authorization != \"Bearer " + token + "\") { return 401; }",
                "      dav_methods PUT DELETE MKCOL COPY MOVE;",
                "      create_full_put_path on;",
                "      dav_access user:rw group:r all:r;",
                "      client_max_body_size 200m;"));
    }

    private static NginxServer start(Path root, Path workDir, String user, String password, boolean tls, String locationExtra)
            throws IOException, InterruptedException {
        Files.createDirectories(workDir);
        int port = freePort();
        Path cert = workDir.resolve("cert.pem");
        Path key = workDir.resolve("key.pem");
        if (tls) {
            run(workDir, "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key.toString(), "-out", cert.toString(),
                    "-days", "2", "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1");
        }
        String hash = run(workDir, "openssl", "passwd", "-apr1", password).strip();
        Files.writeString(workDir.resolve("htpasswd"), user + ":" + hash + "\n");
        String temp = workDir.resolve("tmp").toString();
        Files.createDirectories(Path.of(temp));
        String conf = String.join("\n",
                "daemon off;",
                "worker_processes 1;",
                "user root root;",
                "pid " + workDir.resolve("nginx.pid") + ";",
                "error_log " + workDir.resolve("error.log") + ";",
                "events { worker_connections 64; }",
                "http {",
                "  access_log " + workDir.resolve("access.log") + ";",
                "  client_body_temp_path " + temp + "/body; proxy_temp_path " + temp + "/proxy;",
                "  fastcgi_temp_path " + temp + "/fastcgi; uwsgi_temp_path " + temp + "/uwsgi; scgi_temp_path " + temp + "/scgi;",
                "  server {",
                "    listen 127.0.0.1:" + port + (tls ? " ssl;" : ";"),
                tls ? "    ssl_certificate " + cert + ";" : "",
                tls ? "    ssl_certificate_key " + key + ";" : "",
                "    location / {",
                "      root " + root + ";",
                locationExtra.contains("$http_authorization") ? "" : "      auth_basic \"modules\";",
                locationExtra.contains("$http_authorization") ? "" : "      auth_basic_user_file " + workDir.resolve("htpasswd") + ";",
                locationExtra,
                "    }",
                "  }",
                "}", "");
        Path confFile = workDir.resolve("nginx.conf");
        Files.writeString(confFile, conf);
        Process process = new ProcessBuilder("/usr/sbin/nginx", "-p", workDir.toString(), "-c", confFile.toString())
                .redirectErrorStream(true).redirectOutput(workDir.resolve("nginx.out").toFile()).start();
        NginxServer server = new NginxServer(process, port, cert, tls);
        server.awaitListening(workDir);
        return server;
    }

    public String url() {
        return (tls ? "https" : "http") + "://127.0.0.1:" + port;
    }

    public String hostAndPort() {
        return "127.0.0.1:" + port;
    }

    /** The certificate to trust (SSL_CERT_FILE for the go command). */
    public Path certificate() {
        return certificate;
    }

    private void awaitListening(Path workDir) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("nginx exited: " + Files.readString(workDir.resolve("nginx.out")));
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                Thread.sleep(50);
            }
        }
        close();
        throw new IOException("nginx did not listen on port " + port);
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static String run(Path dir, String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(List.of(command)).directory(dir.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (process.waitFor() != 0) {
            throw new IOException(String.join(" ", command) + " failed: " + output);
        }
        return output;
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        process.descendants().forEach(ProcessHandle::destroyForcibly);
    }

}
