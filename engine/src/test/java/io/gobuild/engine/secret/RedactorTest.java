package io.gobuild.engine.secret;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class RedactorTest {
    @Test
    void secretLookingVariablesAreMaskedOthersKept() {
        assertThat(Redactor.environment(List.of("GITHUB_TOKEN=ghp_x", "DB_PASSWORD=pw", "AWS_SECRET_ACCESS_KEY=k",
                "GOPRIVATE=example.com/*", "PWD=/work", "NAME=ok", "EMPTY_TOKEN=")))
                .containsExactly("GITHUB_TOKEN=****", "DB_PASSWORD=****", "AWS_SECRET_ACCESS_KEY=****",
                        "GOPRIVATE=example.com/*", "PWD=/work", "NAME=ok", "EMPTY_TOKEN=");
    }

    @Test
    void urlCredentialsAreMaskedWherever() {
        assertThat(Redactor.environmentEntry("GOPROXY=https://bob:s3cret@proxy.example.com,direct"))
                .isEqualTo("GOPROXY=https://****@proxy.example.com,direct");
        assertThat(Redactor.urls("see http://token@host/x and ftp://a:b@c")).isEqualTo("see http://****@host/x and ftp://****@c");
    }

    @Test
    void secretLookingLdflagsStampsAreMasked() {
        assertThat(Redactor.ldflags("-s -X main.version=1.0 -X 'main.apiToken=abc123' -X=cfg.Password=pw"))
                .isEqualTo("-s -X main.version=1.0 -X 'main.apiToken=****' -X=cfg.Password=****");
    }

    @Test
    void maskerReplacesSecretValuesInLines() {
        SecretMasker masker = SecretMasker.forEnvironment(Map.of("API_TOKEN", "tok-12345", "HOME", "/root"))
                .withEntries(List.of("DEPLOY_KEY=key-999", "SHORT_KEY=abc"));
        assertThat(masker.mask("curl -H tok-12345 key-999 /root abc")).isEqualTo("curl -H **** **** /root abc");
    }
}
