package com.yarnnn.export.edge.oauth;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param stateSecret what the OAuth state's signing key is derived from; when blank, the bearer tokens' secret
 * @param stateTtl    how long an authorization started may take to come back
 * @param settingsUrl the page a browser is sent back to after connecting, with {@code connected} or {@code error}
 */
@ConfigurationProperties("yarnnn.oauth")
public record OAuthFlowProperties(String stateSecret, @DefaultValue("10m") Duration stateTtl, URI settingsUrl) {

    /** Keeps the secret out of logs and startup failure reports. */
    @Override
    public String toString() {
        return "OAuthFlowProperties[stateSecret=<hidden>, stateTtl=" + stateTtl + ", settingsUrl=" + settingsUrl + "]";
    }
}
