package io.gobuild.engine.secret;

import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Replaces known secret values wherever they appear in a line of text: tool output can echo an
 * environment value, and a URL with credentials can surface in an error message.
 */
public final class SecretMasker {
    // Shorter values would mask ordinary words; Jenkins masks from the same length.
    private static final int MIN_LENGTH = 4;
    private final List<String> secrets;

    public SecretMasker(Set<String> secrets) {
        this.secrets = secrets.stream().filter(s -> s.length() >= MIN_LENGTH)
                .sorted(Comparator.comparingInt(String::length).reversed()).toList();
    }

    /** The secrets among an environment: the values of variables whose names look secret. */
    public static SecretMasker forEnvironment(Map<String, String> environment) {
        Set<String> values = new LinkedHashSet<>();
        environment.forEach((name, value) -> {
            if (Redactor.isSecretName(name)) {
                values.add(value);
            }
        });
        return new SecretMasker(values);
    }

    public SecretMasker with(Set<String> more) {
        Set<String> all = new LinkedHashSet<>(secrets);
        all.addAll(more);
        return new SecretMasker(all);
    }

    /** The passwords (and logins, which some hosts treat as tokens) of a netrc file. */
    public static Set<String> netrcSecrets(String netrc) {
        Set<String> values = new LinkedHashSet<>();
        String[] tokens = netrc.trim().split("\\s+");
        for (int i = 0; i + 1 < tokens.length; i++) {
            if (tokens[i].equals("password") || tokens[i].equals("login")) {
                values.add(tokens[i + 1]);
            }
        }
        return values;
    }

    /** This masker and the secrets among `KEY=value` entries. */
    public SecretMasker withEntries(List<String> entries) {
        Set<String> all = new LinkedHashSet<>(secrets);
        for (String entry : entries) {
            int eq = entry.indexOf('=');
            if (eq > 0 && Redactor.isSecretName(entry.substring(0, eq))) {
                all.add(entry.substring(eq + 1));
            }
        }
        return new SecretMasker(all);
    }

    public String mask(String line) {
        String masked = line;
        for (String secret : secrets) {
            masked = masked.replace(secret, Redactor.MASK);
        }
        return Redactor.urls(masked);
    }
}
