package io.gobuild.engine.verify;

/** Module paths as the module cache spells them on disk. */
final class ModulePaths {
    private ModulePaths() {
    }

    /** The cache's case-encoding: every upper-case letter becomes '!' and its lower-case form. */
    static String escape(String path) {
        StringBuilder escaped = new StringBuilder();
        for (char c : path.toCharArray()) {
            if (Character.isUpperCase(c)) {
                escaped.append('!').append(Character.toLowerCase(c));
            } else {
                escaped.append(c);
            }
        }
        return escaped.toString();
    }
}
