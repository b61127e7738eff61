package io.gobuild.engine.local;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Stops a process and everything it started. Descendants are killed before their parent, so that
 * `go` cannot start a new compile while we work, and a sweep of /proc for the run's marker catches
 * children that were started or re-parented in between.
 */
final class ProcessTreeKiller {
    private ProcessTreeKiller() {
    }

    static void kill(ProcessHandle root, String marker) {
        for (int round = 0; round < 20; round++) {
            List<ProcessHandle> victims = new ArrayList<>(root.descendants().toList());
            victims.addAll(markedProcesses(marker));
            if (root.isAlive()) {
                victims.add(root);
            }
            if (victims.isEmpty()) {
                return;
            }
            // The root last: while it lives its children keep their parent and stay discoverable.
            victims.forEach(ProcessHandle::destroyForcibly);
            for (ProcessHandle victim : victims) {
                try {
                    victim.onExit().get(2, TimeUnit.SECONDS);
                } catch (Exception e) {
                    // Still dying, or not ours to wait for: the next round looks again.
                }
            }
        }
    }

    /** Processes whose environment carries the marker; empty where there is no /proc. */
    private static List<ProcessHandle> markedProcesses(String marker) {
        Path proc = Path.of("/proc");
        List<ProcessHandle> marked = new ArrayList<>();
        if (!Files.isDirectory(proc)) {
            return marked;
        }
        byte[] needle = (LocalCommandPort.MARKER + "=" + marker).getBytes(StandardCharsets.UTF_8);
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(proc, "[0-9]*")) {
            for (Path entry : entries) {
                try {
                    if (Bytes.indexOf(Files.readAllBytes(entry.resolve("environ")), needle) >= 0) {
                        ProcessHandle.of(Long.parseLong(entry.getFileName().toString())).ifPresent(marked::add);
                    }
                } catch (IOException | NumberFormatException e) {
                    // Gone already, or not readable: not one of ours.
                }
            }
        } catch (IOException e) {
            return marked;
        }
        return marked;
    }
}
