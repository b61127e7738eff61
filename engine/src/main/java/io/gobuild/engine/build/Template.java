package io.gobuild.engine.build;

import io.gobuild.engine.request.UsageException;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The `{{.Name}}` templates of ldflags and output names: a variable reference is the only action
 * understood, so a typo or an unsupported action is an error instead of silently rendering nothing.
 */
public final class Template {
    private static final Pattern ACTION = Pattern.compile("\\{\\{(.*?)}}");
    private static final Pattern VARIABLE = Pattern.compile("^\\s*\\.([A-Za-z][A-Za-z0-9]*)\\s*$");
    private final String text;
    private final String role;

    /** @param role what the template is for, named in errors ("ldflags", "output template") */
    public Template(String text, String role) {
        this.text = text;
        this.role = role;
    }

    /** Checks every action against the accepted variables, without values. */
    public void check(Set<String> accepted) {
        Matcher m = ACTION.matcher(text);
        while (m.find()) {
            variable(m, accepted);
        }
    }

    public String render(Map<String, String> values) {
        Matcher m = ACTION.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(values.get(variable(m, values.keySet()))));
        }
        m.appendTail(out);
        return out.toString();
    }

    private String variable(Matcher action, Set<String> accepted) {
        Matcher v = VARIABLE.matcher(action.group(1));
        String accepts = "accepted: " + String.join(", ", new TreeSet<>(accepted).stream().map(n -> "{{." + n + "}}").toList());
        if (!v.matches()) {
            throw new UsageException("unsupported " + role + " action '" + action.group() + "'; only variables are, " + accepts);
        }
        if (!accepted.contains(v.group(1))) {
            throw new UsageException("unknown " + role + " variable '" + action.group() + "'; " + accepts);
        }
        return v.group(1);
    }
}
