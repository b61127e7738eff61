package io.gobuild.engine.explain;

/** The build IDs of the packages a build compiled, as far as they are known (else null). */
public interface BuildIds {
    /** The full build ID of a package's compile: its action ID, then its content ID. */
    String buildId(String packagePath);

    /** The content ID of a package's compile: what its importers and the linker hash. */
    default String contentId(String packagePath) {
        String buildId = buildId(packagePath);
        return buildId == null ? null : GoBuildId.contentPart(buildId);
    }
}
