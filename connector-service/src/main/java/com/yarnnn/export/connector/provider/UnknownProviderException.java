package com.yarnnn.export.connector.provider;

/** No provider with this id is registered. */
public class UnknownProviderException extends RuntimeException {

    private final String providerId;

    public UnknownProviderException(String providerId) {
        super("Unknown provider '" + providerId + "'");
        this.providerId = providerId;
    }

    public String providerId() {
        return providerId;
    }
}
