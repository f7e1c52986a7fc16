package com.yarnnn.export.connector.vault;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a bad key ring at start-up into a short "what is wrong / what to do" report instead of a stack trace. */
class VaultConfigurationFailureAnalyzer extends AbstractFailureAnalyzer<VaultConfigurationException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, VaultConfigurationException cause) {
        return new FailureAnalysis(cause.getMessage(), """
                Configure the token vault's keys, e.g. YARNNN_VAULT_KEYS="k1:$(openssl rand -base64 32)" \
                (and YARNNN_VAULT_ACTIVE_KEY_ID to choose the key that encrypts). Keep every key that sealed \
                stored tokens: a token whose key is gone cannot be read.""", cause);
    }
}
