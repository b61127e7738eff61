package io.gobuild.engine.report;

/**
 * One error the go command reported. file, line and column are set when the message points into a
 * source file (paths as go printed them, relative to the module directory); else only the message.
 */
public record CompileError(String packagePath, String file, Integer line, Integer column, String message) {
}
