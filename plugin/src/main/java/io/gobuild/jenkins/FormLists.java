package io.gobuild.jenkins;

import io.gobuild.engine.step.FormText;
import net.sf.json.JSONArray;
import net.sf.json.JSONObject;

import java.util.Set;

/**
 * The snippet generator submits list arguments as the text of a text area; they become the lists
 * the steps take (the engine decides how the text splits).
 */
final class FormLists {
    /** Fields whose entries may hold commas: one per line. */
    private static final Set<String> LINE_FIELDS = Set.of("env");

    private FormLists() {
    }

    static JSONObject normalize(JSONObject form, String... listFields) {
        for (String field : listFields) {
            Object value = form.opt(field);
            if (value instanceof String text) {
                form.put(field, JSONArray.fromObject(LINE_FIELDS.contains(field) ? FormText.lines(text) : FormText.values(text)));
            }
        }
        return form;
    }
}
