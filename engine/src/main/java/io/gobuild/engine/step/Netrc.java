package io.gobuild.engine.step;

import io.gobuild.engine.request.UsageException;

import java.util.List;
import java.util.regex.Pattern;

/** A netrc for private module hosts, from a user name and password, as the go command reads it. */
public final class Netrc {
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9.-]+(:[0-9]+)?");

    private Netrc() {
    }

    /**
     * @throws UsageException for a host that is not a host name, or a value go's netrc reader
     *     cannot hold (it splits on whitespace and knows no quoting); the message never shows a secret
     */
    public static String render(List<String> hosts, String user, String password) {
        if (hosts.isEmpty()) {
            throw new UsageException("private module credentials need the hosts they are for (privateHosts: ['git.example.com'])");
        }
        if (user.isEmpty() || user.chars().anyMatch(Character::isWhitespace)) {
            throw new UsageException("the private module user name is empty or contains whitespace, which a netrc cannot hold");
        }
        if (password.isEmpty() || password.chars().anyMatch(Character::isWhitespace)) {
            throw new UsageException("the private module password is empty or contains whitespace, which a netrc cannot hold");
        }
        StringBuilder netrc = new StringBuilder();
        for (String host : hosts) {
            if (!HOST.matcher(host).matches()) {
                throw new UsageException("private host '" + host + "' is not a host name; accepted: git.example.com or host:port");
            }
            netrc.append("machine ").append(host).append(" login ").append(user).append(" password ").append(password).append('\n');
        }
        return netrc.toString();
    }
}
