package io.gobuild.engine.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback TCP proxy in front of a server that misbehaves on purpose: it cuts the first
 * connections after a number of request bytes (a dropped upload), and it can call back, instead
 * of forwarding, when a MOVE request arrives (a client stopped between upload and move). nginx
 * buffers whole request bodies, so only a proxy can drop an upload halfway.
 */
public final class CuttingProxy implements AutoCloseable {
    private final ServerSocket server;
    private final int targetPort;
    private final AtomicInteger cutsLeft;
    private final long cutAfterBytes;
    private volatile Runnable onMove;

    private CuttingProxy(int targetPort, int cuts, long cutAfterBytes) throws IOException {
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.targetPort = targetPort;
        this.cutsLeft = new AtomicInteger(cuts);
        this.cutAfterBytes = cutAfterBytes;
        Thread accept = new Thread(this::accept, "cutting-proxy");
        accept.setDaemon(true);
        accept.start();
    }

    /** Cuts the first `cuts` connections after `cutAfterBytes` bytes of request. */
    public static CuttingProxy start(int targetPort, int cuts, long cutAfterBytes) throws IOException {
        return new CuttingProxy(targetPort, cuts, cutAfterBytes);
    }

    /** The next MOVE request is not forwarded: the callback runs and the connection is dropped. */
    public void onNextMove(Runnable callback) {
        onMove = callback;
    }

    public String url() {
        return "http://127.0.0.1:" + server.getLocalPort();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Socket upstream = new Socket(InetAddress.getLoopbackAddress(), targetPort);
                pump(client, upstream, cutAfterBytes, true);
                pump(upstream, client, 0, false);
            } catch (IOException e) {
                return;
            }
        }
    }

    /** Copies one direction; a request stream is cut once it reaches the limit, while cuts are left. */
    private void pump(Socket from, Socket to, long limit, boolean request) {
        Thread thread = new Thread(() -> {
            byte[] buffer = new byte[8192];
            long total = 0;
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                for (int n; (n = in.read(buffer)) > 0; ) {
                    if (request && onMove != null && new String(buffer, 0, Math.min(n, 8), StandardCharsets.ISO_8859_1).startsWith("MOVE ")) {
                        Runnable callback = onMove;
                        onMove = null;
                        callback.run();
                        break;
                    }
                    boolean cut = request && total + n >= limit && cutsLeft.getAndDecrement() > 0;
                    int allowed = cut ? (int) (limit - total) : n;
                    out.write(buffer, 0, allowed);
                    total += allowed;
                    if (cut) {
                        break;
                    }
                }
            } catch (IOException e) {
                // one side went away; close both
            } finally {
                closeQuietly(from);
                closeQuietly(to);
            }
        }, "cutting-proxy-pump");
        thread.setDaemon(true);
        thread.start();
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // already closed
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
