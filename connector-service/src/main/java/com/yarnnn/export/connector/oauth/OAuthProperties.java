package com.yarnnn.export.connector.oauth;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param refreshMargin  an access token expiring within this is refreshed before use
 * @param httpTimeout    connect and read timeout of calls to the vendors' token and revocation endpoints
 * @param revocationUri  per provider id, the vendor's token revocation endpoint
 */
@ConfigurationProperties("yarnnn.oauth")
public record OAuthProperties(@DefaultValue("2m") Duration refreshMargin, @DefaultValue("15s") Duration httpTimeout,
        Map<String, URI> revocationUri) {

    public OAuthProperties {
        revocationUri = revocationUri != null ? Map.copyOf(revocationUri) : Map.of();
    }
}
