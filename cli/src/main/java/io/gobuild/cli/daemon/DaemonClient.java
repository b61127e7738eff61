package io.gobuild.cli.daemon;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ConnectException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The command line's front when a daemon serves it: sends the command line, the working directory
 * and the environment to the daemon, prints what the run prints, and exits with its code. Ctrl-C
 * cancels the run in the daemon (which stops its go processes and still writes the report). When
 * no daemon answers, the command runs here, in this JVM, exactly as without a daemon. Loads
 * nothing but this package and the JDK, so that it starts in a fraction of the full command line's time.
 */
public final class DaemonClient {
    private static final int INTERRUPTED = 130;

    /** How old a socket nobody listens on must be before a client takes it for a dead daemon's. */
    private static final long STALE_AFTER_MILLIS = 10_000;

    private DaemonClient() {
    }

    /** Arguments: the daemon's socket, then gobuild's own arguments. */
    public static void main(String[] args) throws IOException {
        Path socket = Path.of(args[0]);
        String[] command = Arrays.copyOfRange(args, 1, args.length);
        SocketChannel channel;
        try {
            channel = connect(socket);
        } catch (ConnectException e) {
            // Nobody listens. A daemon starting right now has bound its socket and listens a moment
            // later; an old socket is a leftover of a daemon that died: the launcher starts a new
            // one next time it finds none.
            if (olderThan(socket, STALE_AFTER_MILLIS)) {
                Files.deleteIfExists(socket);
            }
            runHere(command);
            return;
        } catch (IOException e) {
            runHere(command);
            return;
        }
        int exit = relay(channel, command);
        if (exit < 0) {
            runHere(command);
            return;
        }
        System.exit(exit);
    }

    /** Whether the file is older than that; a file gone meanwhile is not. */
    private static boolean olderThan(Path file, long millis) {
        try {
            return System.currentTimeMillis() - Files.getLastModifiedTime(file).toMillis() > millis;
        } catch (IOException e) {
            return false;
        }
    }

    /** Connects, trying once more after a moment when refused (a daemon between binding and listening). */
    private static SocketChannel connect(Path socket) throws IOException {
        for (int attempt = 0; ; attempt++) {
            SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX);
            try {
                channel.connect(UnixDomainSocketAddress.of(socket));
                return channel;
            } catch (ConnectException e) {
                channel.close();
                if (attempt > 0) {
                    throw e;
                }
                try {
                    Thread.sleep(100);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            } catch (IOException e) {
                channel.close();
                throw e;
            }
        }
    }

    private static void runHere(String[] command) {
        io.gobuild.cli.Main.main(command);
    }

    /** The run's exit code, or -1 when the daemon closed before the run began to print (it never ran, so run it here). */
    private static int relay(SocketChannel channel, String[] command) throws IOException {
        DataOutputStream out = new DataOutputStream(Protocol.output(channel));
        DataInputStream in = new DataInputStream(new java.io.BufferedInputStream(Protocol.input(channel)));
        new Protocol.Request(System.getProperty("user.dir"), System.getenv(), List.of(command)).write(out);
        CountDownLatch ended = new CountDownLatch(1);
        int[] exit = {INTERRUPTED};
        boolean[] cancelled = {false};
        Thread hook = new Thread(() -> {
            synchronized (cancelled) {
                cancelled[0] = true;
            }
            try {
                out.writeByte(Protocol.CANCEL);
                out.flush();
                ended.await(60, TimeUnit.SECONDS);
            } catch (IOException | InterruptedException e) {
                // The daemon is gone; nothing is left to stop.
            }
            Runtime.getRuntime().halt(exit[0]);
        }, "gobuild-cancel");
        Runtime.getRuntime().addShutdownHook(hook);
        boolean printed = false;
        try {
            while (true) {
                byte type = in.readByte();
                int length = in.readInt();
                if (type == Protocol.EXIT) {
                    exit[0] = length;
                    ended.countDown();
                    try {
                        Runtime.getRuntime().removeShutdownHook(hook);
                    } catch (IllegalStateException e) {
                        // Ctrl-C came as the run ended: the hook exits with the run's code.
                    }
                    return length;
                }
                byte[] bytes = new byte[length];
                in.readFully(bytes);
                PrintStream stream = type == Protocol.STDOUT ? System.out : System.err;
                stream.write(bytes);
                stream.flush();
                printed = true;
            }
        } catch (EOFException e) {
            synchronized (cancelled) {
                if (cancelled[0]) {
                    ended.countDown();
                    return INTERRUPTED;
                }
            }
            if (!printed) {
                Runtime.getRuntime().removeShutdownHook(hook);
                return -1;
            }
            System.err.println("gobuild: the daemon stopped during the run (set GOBUILD_DAEMON=0 to run without it)");
            ended.countDown();
            return 1;
        }
    }
}
