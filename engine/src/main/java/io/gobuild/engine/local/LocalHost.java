package io.gobuild.engine.local;

import io.gobuild.engine.port.Host;

import java.net.InetAddress;
import java.net.UnknownHostException;
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

    private static String hostName(Map<String, String> environment) {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return environment.getOrDefault("HOSTNAME", "localhost");
        }
    }
}
