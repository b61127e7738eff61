package io.gobuild.engine.request;

/**
 * A request the engine cannot carry out as given: a bad value, a missing directory, a missing or too
 * old Go. The message is one line that names the bad value and what is accepted; callers map it to
 * exit code 2.
 */
public final class UsageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public UsageException(String message) {
        super(message);
    }
}
