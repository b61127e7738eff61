package io.gobuild.engine.publish;

import io.gobuild.engine.secret.Secret;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/** How uploads authenticate: basic (user and password), bearer (a token), or not at all. */
public record HttpAuth(String username, Secret password, Secret token) implements Serializable {
    public static final HttpAuth NONE = new HttpAuth(null, null, null);

    public static HttpAuth basic(String username, Secret password) {
        return new HttpAuth(username, password, null);
    }

    public static HttpAuth bearer(Secret token) {
        return new HttpAuth(null, null, token);
    }

    /** The Authorization header's value, if any. */
    Optional<String> header() {
        if (token != null) {
            return Optional.of("Bearer " + token.reveal());
        }
        if (username != null) {
            String pair = username + ":" + (password == null ? "" : password.reveal());
            return Optional.of("Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
        }
        return Optional.empty();
    }

    /** The secret values, for masking wherever text may echo them. */
    java.util.Set<String> secrets() {
        java.util.Set<String> values = new java.util.LinkedHashSet<>();
        if (password != null) {
            values.add(password.reveal());
        }
        if (token != null) {
            values.add(token.reveal());
        }
        header().ifPresent(h -> values.add(h.substring(h.indexOf(' ') + 1)));
        return values;
    }

    /** For messages: the kind of credentials and the user, never a secret. */
    public String describe() {
        return token != null ? "a bearer token" : username != null ? "basic credentials" : "no credentials";
    }

    @Override
    public String toString() {
        return token != null ? "bearer ****" : username != null ? "basic " + username + ":****" : "none";
    }
}
