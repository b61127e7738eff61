package io.gobuild.jenkins;

import hudson.tasks.ArtifactArchiver;

import java.io.IOException;
import java.util.List;

/** Archives workspace files as build artifacts with the core archiver (which also fingerprints). */
final class Archive {
    private Archive() {
    }

    static void files(StepRuntime runtime, List<String> paths, boolean fingerprint) throws IOException, InterruptedException {
        if (paths.isEmpty()) {
            return;
        }
        ArtifactArchiver archiver = new ArtifactArchiver(String.join(",", paths));
        archiver.setFingerprint(fingerprint);
        archiver.perform(runtime.run, runtime.workspace, runtime.environment, runtime.launcher, runtime.listener);
    }
}
