package io.gobuild.engine.build;

import io.gobuild.engine.report.CompileError;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the go command's error output into structured errors: `# pkg` headers name the package,
 * `file:line:col: message` lines point into sources, tab-indented lines continue the previous
 * message, and anything else is kept as a message of its own.
 */
public final class CompileErrorParser {
    static final int MAX_ERRORS = 200;
    private static final Pattern HEADER = Pattern.compile("^# (\\S+)(?: \\[.*])?$");
    private static final Pattern LOCATED = Pattern.compile("^(\\S.*?\\.[A-Za-z]+):(\\d+)(?::(\\d+))?: (.*)$");

    public List<CompileError> parse(List<String> lines) {
        List<CompileError> errors = new ArrayList<>();
        String currentPackage = null;
        for (String line : lines) {
            if (line.isBlank() || errors.size() >= MAX_ERRORS) {
                continue;
            }
            Matcher header = HEADER.matcher(line);
            Matcher located = LOCATED.matcher(line);
            if (header.matches()) {
                currentPackage = header.group(1);
            } else if (line.startsWith("\t") && !errors.isEmpty()) {
                CompileError last = errors.remove(errors.size() - 1);
                errors.add(new CompileError(last.packagePath(), last.file(), last.line(), last.column(),
                        last.message() + "\n" + line.strip()));
            } else if (located.matches()) {
                errors.add(new CompileError(currentPackage, located.group(1), Integer.valueOf(located.group(2)),
                        located.group(3) == null ? null : Integer.valueOf(located.group(3)), located.group(4)));
            } else {
                errors.add(new CompileError(currentPackage, null, null, null, line.strip()));
            }
        }
        return errors;
    }
}
