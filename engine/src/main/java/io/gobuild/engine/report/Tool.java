package io.gobuild.engine.report;

/** How reports name the gobuild that wrote them. */
public final class Tool {
    public static final String NAME = "gobuild " + version();

    private Tool() {
    }

    private static String version() {
        String version = Tool.class.getPackage().getImplementationVersion();
        return version == null ? "dev" : version;
    }
}
