package io.gobuild.engine.port;

/**
 * Path arithmetic on the strings the ports take. Forward slashes work on every agent, so the engine
 * never needs the agent's own path syntax.
 */
public final class AgentPaths {
    private AgentPaths() {
    }

    public static String join(String parent, String child) {
        if (parent.endsWith("/") || parent.endsWith("\\")) {
            return parent + child;
        }
        return parent + "/" + child;
    }

    public static boolean isAbsolute(String path) {
        return path.startsWith("/") || path.startsWith("\\") || path.matches("^[A-Za-z]:[/\\\\].*");
    }

    /** The path itself when absolute, else resolved against the base directory; `.` and `..` folded. */
    public static String resolve(String base, String path) {
        return normalize(isAbsolute(path) ? path : join(base, path));
    }

    /** Folds `.` and `..` segments and repeated slashes of an absolute path. */
    public static String normalize(String path) {
        String unified = path.replace('\\', '/');
        int rootEnd = unified.startsWith("/") ? 1 : unified.matches("^[A-Za-z]:/.*") ? 3 : 0;
        java.util.Deque<String> segments = new java.util.ArrayDeque<>();
        for (String segment : unified.substring(rootEnd).split("/")) {
            if (segment.isEmpty() || segment.equals(".")) {
                continue;
            }
            if (segment.equals("..") && !segments.isEmpty() && !segments.peekLast().equals("..")) {
                segments.removeLast();
            } else {
                segments.addLast(segment);
            }
        }
        return unified.substring(0, rootEnd) + String.join("/", segments);
    }

    public static String parent(String path) {
        int slash = lastSeparator(path);
        return slash <= 0 ? path.substring(0, Math.max(slash, 0) + 1) : path.substring(0, slash);
    }

    /** The last element of a path: a file's own name. */
    public static String name(String path) {
        return path.substring(lastSeparator(path) + 1);
    }

    private static int lastSeparator(String path) {
        return Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
    }
}
