package io.gobuild.engine.build;

/** Where go writes one main package's binary (built) and where gobuild places it (final). */
public record PlannedOutput(MainPackage mainPackage, String builtPath, String finalPath, String relativePath) {
}
