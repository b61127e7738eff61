package io.gobuild.engine.secret;

import io.gobuild.engine.port.LogSink;

import java.util.Set;

/** The run's log with every known secret masked; stages add secrets as they learn them (a netrc's passwords). */
public final class MaskingLog implements LogSink {
    private final LogSink log;
    private volatile SecretMasker masker;

    public MaskingLog(LogSink log, SecretMasker masker) {
        this.log = log;
        this.masker = masker;
    }

    public synchronized void addSecrets(Set<String> secrets) {
        masker = masker.with(secrets);
    }

    public String mask(String text) {
        return masker.mask(text);
    }

    @Override
    public void info(String line) {
        log.info(masker.mask(line));
    }

    @Override
    public void warn(String line) {
        log.warn(masker.mask(line));
    }
}
