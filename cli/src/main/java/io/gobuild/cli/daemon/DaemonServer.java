package io.gobuild.cli.daemon;

import io.gobuild.cli.Main;

import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Objects;

/**
 * A JVM that stays up between gobuild runs, so that a run pays neither the JVM's start nor its
 * warm-up: bin/gobuild starts it in the background and hands it each build's command line. Every
 * run gets the client's working directory, environment and output streams; the engine starts each
 * go process with that environment, never the daemon's. It stops after an idle time, and at once
 * when its socket is removed or replaced.
 */
public final class DaemonServer {
    private final Path socket;
    private final long idleMillis;
    private final Object lock = new Object();
    private int active;
    private long lastUsed = System.currentTimeMillis();
    private boolean closing;
    private int runs;

    DaemonServer(Path socket, long idleMillis) {
        this.socket = socket;
        this.idleMillis = idleMillis;
    }

    /** Arguments: the socket's path and the idle time in seconds. */
    public static void main(String[] args) throws IOException {
        if (args.length != 2 || !args[1].matches("\\d{1,9}")) {
            System.err.println("gobuild daemon: expected a socket path and an idle time in seconds, got " + String.join(" ", args));
            System.exit(Main.EXIT_USAGE);
        }
        new DaemonServer(Path.of(args[0]).toAbsolutePath(), Long.parseLong(args[1]) * 1000).serve();
        System.exit(0);
    }

    /**
     * Serves until idle or until the socket is gone (then after the runs under way); returns at
     * once when another daemon already serves this socket.
     */
    void serve() throws IOException {
        ServerSocketChannel server = bind();
        if (server == null) {
            return;
        }
        Object identity = identity();
        Thread watchdog = new Thread(() -> watch(server, identity), "gobuild-daemon-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
        while (true) {
            SocketChannel client;
            try {
                client = server.accept();
            } catch (IOException e) {
                return;
            }
            synchronized (lock) {
                if (closing) {
                    client.close();
                    return;
                }
                active++;
                runs++;
            }
            Thread run = new Thread(() -> serve(client), "gobuild-daemon-run");
            run.start();
        }
    }

    /** How many command lines this daemon has been handed. */
    int runs() {
        synchronized (lock) {
            return runs;
        }
    }

    /** The socket, in a directory only this user may enter; a socket nobody answers on is a leftover and is replaced. */
    private ServerSocketChannel bind() throws IOException {
        Path dir = socket.getParent();
        Files.createDirectories(dir);
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
        for (int attempt = 0; attempt < 2; attempt++) {
            ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
            try {
                server.bind(UnixDomainSocketAddress.of(socket));
                Files.setPosixFilePermissions(socket, PosixFilePermissions.fromString("rw-------"));
                return server;
            } catch (IOException e) {
                server.close();
                if (answers()) {
                    return null;
                }
                Files.deleteIfExists(socket);
            }
        }
        throw new IOException("cannot listen on " + socket);
    }

    private boolean answers() {
        try (SocketChannel probe = SocketChannel.open(UnixDomainSocketAddress.of(socket))) {
            return probe.isConnected();
        } catch (IOException e) {
            return false;
        }
    }

    private Object identity() {
        try {
            return Files.readAttributes(socket, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).fileKey();
        } catch (IOException e) {
            return null;
        }
    }

    private void watch(ServerSocketChannel server, Object identity) {
        while (true) {
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                return;
            }
            boolean replaced = !Objects.equals(identity, identity());
            synchronized (lock) {
                boolean idle = active == 0 && System.currentTimeMillis() - lastUsed >= idleMillis;
                if (!replaced && !idle) {
                    continue;
                }
                if (active > 0) {
                    continue;
                }
                closing = true;
            }
            try {
                if (!replaced) {
                    Files.deleteIfExists(socket);
                }
                server.close();
            } catch (IOException e) {
                // Stopping anyway.
            }
            return;
        }
    }

    /** One client: its command line runs here; a cancel byte, or the client going away, interrupts the run. */
    private void serve(SocketChannel client) {
        Thread runner = Thread.currentThread();
        Object finished = new Object();
        boolean[] done = {false};
        Sender sender = new Sender(client);
        try (client) {
            DataInputStream in = new DataInputStream(Protocol.input(client));
            Protocol.Request request = Protocol.Request.read(in);
            System.out.println(java.time.Instant.now() + " gobuild " + String.join(" ", request.args().subList(0, Math.min(1, request.args().size())))
                    + " in " + request.workingDirectory());
            sender.start();
            Thread canceller = new Thread(() -> {
                try {
                    in.read();
                } catch (IOException e) {
                    // The client is gone: the same as a cancel.
                }
                synchronized (finished) {
                    if (!done[0]) {
                        runner.interrupt();
                    }
                }
            }, "gobuild-daemon-cancel");
            canceller.setDaemon(true);
            canceller.start();
            Main.Console console = new Main.Console(request.environment(), request.workingDirectory(),
                    new PrintWriter(new FrameWriter(sender, Protocol.STDOUT), true),
                    new PrintWriter(new FrameWriter(sender, Protocol.STDERR), true), false);
            int exit = new Main(console).execute(request.args().toArray(String[]::new));
            synchronized (finished) {
                done[0] = true;
                Thread.interrupted();
            }
            sender.finish(exit);
        } catch (IOException e) {
            // Not a client, or it went away before its request was read.
        } finally {
            sender.abandon();
            synchronized (lock) {
                active--;
                lastUsed = System.currentTimeMillis();
            }
        }
    }

    /**
     * Writes a run's frames to the client from a thread of its own: a write on a socket channel by an
     * interrupted thread would close the channel, and a cancelled run still logs and reports.
     */
    private static final class Sender extends Thread {
        private static final byte[] END = new byte[0];
        private final SocketChannel client;
        private final java.util.concurrent.LinkedBlockingQueue<byte[]> frames = new java.util.concurrent.LinkedBlockingQueue<>();

        Sender(SocketChannel client) {
            super("gobuild-daemon-output");
            setDaemon(true);
            this.client = client;
        }

        void send(byte stream, byte[] bytes) {
            java.nio.ByteBuffer frame = java.nio.ByteBuffer.allocate(5 + bytes.length).put(stream).putInt(bytes.length).put(bytes);
            frames.add(frame.array());
        }

        /** Sends the exit code after everything before it, and waits until it is written. */
        void finish(int exit) {
            frames.add(java.nio.ByteBuffer.allocate(5).put(Protocol.EXIT).putInt(exit).array());
            frames.add(END);
            boolean interrupted = false;
            while (isAlive()) {
                try {
                    join();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }

        void abandon() {
            frames.add(END);
        }

        @Override
        public void run() {
            try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Protocol.output(client)))) {
                while (true) {
                    byte[] frame = frames.take();
                    if (frame == END) {
                        return;
                    }
                    out.write(frame);
                    if (frames.isEmpty()) {
                        out.flush();
                    }
                }
            } catch (IOException | InterruptedException e) {
                // The client went away; the canceller has interrupted its run.
            }
        }
    }

    /** Output of a run, sent to the client as frames of one stream. */
    private static final class FrameWriter extends Writer {
        private final Sender sender;
        private final byte stream;

        FrameWriter(Sender sender, byte stream) {
            this.sender = sender;
            this.stream = stream;
        }

        @Override
        public void write(char[] buffer, int offset, int length) {
            sender.send(stream, new String(buffer, offset, length).getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public void flush() {
            // The sender writes as soon as it can.
        }

        @Override
        public void close() {
            flush();
        }
    }
}
