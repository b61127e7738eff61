package io.gobuild.engine.step;

import java.util.Arrays;
import java.util.List;

/**
 * A list argument typed into a form field (the snippet generator's text area): one value per
 * line or comma-separated; blanks are dropped. Pipelines pass real lists and never come here.
 */
public final class FormText {
    private FormText() {
    }

    public static List<String> values(String text) {
        if (text == null) {
            return List.of();
        }
        return Arrays.stream(text.split("[,\\r\\n]+")).map(String::strip).filter(v -> !v.isEmpty()).toList();
    }

    /** KEY=value entries keep their commas (a value may hold one): one entry per line. */
    public static List<String> lines(String text) {
        if (text == null) {
            return List.of();
        }
        return text.lines().map(String::strip).filter(v -> !v.isEmpty()).toList();
    }
}
