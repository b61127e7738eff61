package io.gobuild.engine.build;

/** A main package to build, and the name Go gives its binary. */
public record MainPackage(String importPath, String dir, String binary) {
    /**
     * The go command's default executable name: the last element of the import path, or the one
     * before it when the last is a major version suffix (example.com/tool/v2 builds `tool`).
     */
    public static String binaryName(String importPath) {
        String[] elements = importPath.split("/");
        String last = elements[elements.length - 1];
        if (elements.length > 1 && last.matches("v[2-9]\\d*")) {
            return elements[elements.length - 2];
        }
        return last;
    }
}
