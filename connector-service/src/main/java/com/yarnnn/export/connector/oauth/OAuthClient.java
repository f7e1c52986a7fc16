package com.yarnnn.export.connector.oauth;

import org.springframework.security.oauth2.client.registration.ClientRegistration;

/** A vendor whose OAuth app is configured here: its behaviour and its registration (endpoints, client, scopes). */
public record OAuthClient(OAuthVendor vendor, ClientRegistration registration) {

    public String providerId() {
        return vendor.providerId();
    }
}
