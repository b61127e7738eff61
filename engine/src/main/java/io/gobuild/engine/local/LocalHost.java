package io.gobuild.engine.local;

import io.gobuild.engine.port.Host;

import java.net.InetAddress;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/** This machine as the engine's host: local processes and files. */
public final class LocalHost {
    private LocalHost() {
    }

    public static Host of(Map<String, String> environment, String workingDirectory) {
        return new Host(new LocalCommandPort(), new LocalFilePort(), environment, workingDirectory, hostName(environment),
                System.getProperty("os.name").toLowerCase(Locale.ROOT), System.getProperty("os.arch"),
                Runtime.getRuntime().availableProcessors());
    }

    /** The kernel's host name where it can be read; InetAddress would ask DNS and can take seconds. */
    private static String hostName(Map<String, String> environment) {
        try {
            Path kernel = Path.of("/proc/sys/kernel/hostname");
            if (Files.isReadable(kernel)) {
                return Files.readString(kernel).strip();
            }
            String fromEnv = environment.getOrDefault("HOSTNAME", environment.getOrDefault("COMPUTERNAME", ""));
            return fromEnv.isEmpty() ? InetAddress.getLocalHost().getHostName() : fromEnv;
        } catch (IOException e) {
            return "localhost";
        }
    }
}
