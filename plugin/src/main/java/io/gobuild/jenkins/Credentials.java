package io.gobuild.jenkins;

import com.cloudbees.plugins.credentials.CredentialsMatchers;
import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.common.StandardCredentials;
import com.cloudbees.plugins.credentials.common.StandardListBoxModel;
import com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials;
import hudson.AbortException;
import hudson.model.Item;
import hudson.model.Queue;
import hudson.model.Run;
import hudson.model.queue.Tasks;
import hudson.security.ACL;
import hudson.util.ListBoxModel;
import io.gobuild.engine.secret.Secret;
import io.gobuild.engine.step.Netrc;
import jenkins.model.Jenkins;
import org.jenkinsci.plugins.plaincredentials.FileCredentials;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Credentials by id in the run's context, tracked on the run; and the snippet generator's choices. */
final class Credentials {
    private Credentials() {
    }

    static <C extends StandardCredentials> C find(Run<?, ?> run, String id, Class<C> type, String what) throws AbortException {
        C credentials = CredentialsProvider.findCredentialById(id, type, run);
        if (credentials == null) {
            throw new AbortException(what + ": no " + type.getSimpleName() + " credentials with id '" + id + "' are visible to this build");
        }
        CredentialsProvider.track(run, credentials);
        return credentials;
    }

    /** A netrc for private modules: a Secret file holding one, or a Username/password for the given hosts. */
    static String netrc(Run<?, ?> run, String id, List<String> hosts) throws IOException {
        StandardCredentials credentials = find(run, id, StandardCredentials.class, "private module credentials");
        if (credentials instanceof FileCredentials file) {
            return new String(bytes(file), StandardCharsets.UTF_8);
        }
        if (credentials instanceof StandardUsernamePasswordCredentials user) {
            return Netrc.render(hosts, user.getUsername(), user.getPassword().getPlainText());
        }
        throw new AbortException("private module credentials '" + id + "' must be a Username with password or a Secret file holding a netrc");
    }

    static byte[] secretFile(Run<?, ?> run, String id, String what) throws IOException {
        return bytes(find(run, id, FileCredentials.class, what));
    }

    static Secret secretText(Run<?, ?> run, String id, String what) throws IOException {
        return Secret.of(find(run, id, StringCredentials.class, what).getSecret().getPlainText());
    }

    private static byte[] bytes(FileCredentials file) throws IOException {
        try (InputStream in = file.getContent()) {
            return in.readAllBytes();
        }
    }

    /** Username/password and Secret file credentials the item may use. */
    static ListBoxModel privateModuleItems(Item item, String current) {
        return items(item, current, CredentialsMatchers.anyOf(CredentialsMatchers.instanceOf(StandardUsernamePasswordCredentials.class),
                CredentialsMatchers.instanceOf(FileCredentials.class)));
    }

    static ListBoxModel items(Item item, String current, com.cloudbees.plugins.credentials.CredentialsMatcher matcher) {
        StandardListBoxModel result = new StandardListBoxModel();
        String value = current == null ? "" : current;
        boolean allowed = item == null ? Jenkins.get().hasPermission(Jenkins.ADMINISTER)
                : item.hasPermission(Item.EXTENDED_READ) || item.hasPermission(CredentialsProvider.USE_ITEM);
        if (!allowed) {
            return result.includeCurrentValue(value);
        }
        return result.includeEmptyValue().includeMatchingAs(item instanceof Queue.Task task ? Tasks.getAuthenticationOf2(task) : ACL.SYSTEM2,
                item, StandardCredentials.class, List.of(), matcher).includeCurrentValue(value);
    }
}
