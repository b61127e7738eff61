package io.gobuild.engine.build;

/** Where one main package's binary is first written (staged) and where it ends up. */
public record PlannedOutput(MainPackage mainPackage, String stagedPath, String finalPath, String relativePath) {
}
