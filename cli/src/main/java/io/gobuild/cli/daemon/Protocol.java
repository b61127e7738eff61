package io.gobuild.cli.daemon;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a client and the daemon say over their socket. The client sends one request (working
 * directory, environment, arguments), then at most one cancel byte; the daemon answers with
 * output frames and ends with the exit code. Both sides come from the same jar (the socket's name
 * carries the jar's key), so there is no version to negotiate.
 */
final class Protocol {
    static final int MAGIC = 0x60b1d001;
    static final byte STDOUT = 'O';
    static final byte STDERR = 'E';
    static final byte EXIT = 'X';
    static final byte CANCEL = 'C';

    private Protocol() {
    }

    /** One command line to run as if started in the client's directory with the client's environment. */
    record Request(String workingDirectory, Map<String, String> environment, List<String> args) {
        void write(DataOutputStream out) throws IOException {
            out.writeInt(MAGIC);
            writeString(out, workingDirectory);
            out.writeInt(environment.size());
            for (Map.Entry<String, String> entry : environment.entrySet()) {
                writeString(out, entry.getKey());
                writeString(out, entry.getValue());
            }
            out.writeInt(args.size());
            for (String arg : args) {
                writeString(out, arg);
            }
            out.flush();
        }

        static Request read(DataInputStream in) throws IOException {
            if (in.readInt() != MAGIC) {
                throw new IOException("not a gobuild client");
            }
            String directory = readString(in);
            int variables = in.readInt();
            Map<String, String> environment = new LinkedHashMap<>();
            for (int i = 0; i < variables; i++) {
                environment.put(readString(in), readString(in));
            }
            int count = in.readInt();
            List<String> args = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                args.add(readString(in));
            }
            return new Request(directory, environment, args);
        }
    }

    /** Strings as length and UTF-8 bytes: writeUTF would stop at 64 KiB, which a long PATH can pass. */
    static void writeString(DataOutputStream out, String value) throws IOException {
        byte[] bytes = value.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    /**
     * Streams over a socket channel that read and write independently: the streams of
     * java.nio.channels.Channels share one lock per channel, so a read waiting for a cancel would
     * block every write of output.
     */
    static java.io.InputStream input(java.nio.channels.SocketChannel channel) {
        return new java.io.InputStream() {
            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                return length == 0 ? 0 : channel.read(java.nio.ByteBuffer.wrap(buffer, offset, length));
            }
        };
    }

    static java.io.OutputStream output(java.nio.channels.SocketChannel channel) {
        return new java.io.OutputStream() {
            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] buffer, int offset, int length) throws IOException {
                java.nio.ByteBuffer bytes = java.nio.ByteBuffer.wrap(buffer, offset, length);
                while (bytes.hasRemaining()) {
                    channel.write(bytes);
                }
            }

            @Override
            public void close() throws IOException {
                channel.close();
            }
        };
    }

    static String readString(DataInputStream in) throws IOException {
        byte[] bytes = new byte[in.readInt()];
        in.readFully(bytes);
        return new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
    }
}
