package io.gobuild.engine.secret;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keeps secrets out of reports: values of variables whose names look secret, the user:password
 * part of URLs, and ldflags -X values whose variable names look secret.
 */
public final class Redactor {
    public static final String MASK = "****";
    private static final Pattern SECRET_NAME = Pattern.compile(
            "(?i).*(TOKEN|SECRET|PASSW|PASSPHRASE|PWD|KEY|CREDENTIAL|AUTH|COOKIE|SESSION|NETRC|SIGNATURE).*");
    private static final Pattern URL_USERINFO = Pattern.compile("(?i)\\b([a-z][a-z0-9+.-]*://)[^/@\\s]+@");
    private static final Pattern LDFLAGS_X = Pattern.compile("(-X[= ]+['\"]?)([^=\\s'\"]+)=([^\\s'\"]*)");

    private Redactor() {
    }

    public static boolean isSecretName(String name) {
        // PWD is the working directory, not a password.
        return !name.equals("PWD") && !name.equals("OLDPWD") && SECRET_NAME.matcher(name).matches();
    }

    /** `KEY=value` with the value masked when the key looks secret, and URL credentials masked. */
    public static String environmentEntry(String entry) {
        int eq = entry.indexOf('=');
        if (eq < 0) {
            return entry;
        }
        String name = entry.substring(0, eq);
        return name + "=" + value(name, entry.substring(eq + 1));
    }

    public static List<String> environment(List<String> entries) {
        return entries.stream().map(Redactor::environmentEntry).toList();
    }

    public static String value(String name, String value) {
        return isSecretName(name) && !value.isEmpty() ? MASK : urls(value);
    }

    /** Masks the user:password part of every URL in the text. */
    public static String urls(String text) {
        return URL_USERINFO.matcher(text).replaceAll("$1" + MASK + "@");
    }

    /** The values of -X stamps whose variable names look secret, so they can be masked wherever they surface. */
    public static java.util.Set<String> ldflagsSecrets(String ldflags) {
        java.util.Set<String> secrets = new java.util.LinkedHashSet<>();
        Matcher m = LDFLAGS_X.matcher(ldflags);
        while (m.find()) {
            String name = m.group(2);
            if (isSecretName(name.substring(name.lastIndexOf('.') + 1)) && !m.group(3).isEmpty()) {
                secrets.add(m.group(3));
            }
        }
        return secrets;
    }

    /** Masks -X values whose variable name looks secret (main.apiToken=...), and URL credentials. */
    public static String ldflags(String ldflags) {
        Matcher m = LDFLAGS_X.matcher(urls(ldflags));
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(2);
            String shortName = name.substring(name.lastIndexOf('.') + 1);
            String value = isSecretName(shortName) ? MASK : m.group(3);
            m.appendReplacement(out, Matcher.quoteReplacement(m.group(1) + name + "=" + value));
        }
        m.appendTail(out);
        return out.toString();
    }
}
