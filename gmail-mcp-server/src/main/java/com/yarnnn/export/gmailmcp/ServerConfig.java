package com.yarnnn.export.gmailmcp;

import java.net.URI;
import java.util.Map;

/**
 * What the server is given in its environment: one short-lived OAuth access token (the pipeline refreshes it and
 * starts a new server when it changes) and where the Gmail API is.
 */
record ServerConfig(String accessToken, URI apiBaseUrl) {

    static final String TOKEN_VARIABLE = "GMAIL_ACCESS_TOKEN";
    static final String BASE_URL_VARIABLE = "GMAIL_API_BASE_URL";
    static final URI DEFAULT_BASE_URL = URI.create("https://gmail.googleapis.com");

    static ServerConfig fromEnvironment(Map<String, String> environment) {
        String token = environment.get(TOKEN_VARIABLE);
        if (token == null || token.isBlank()) {
            throw new IllegalArgumentException(TOKEN_VARIABLE + " is not set");
        }
        String baseUrl = environment.get(BASE_URL_VARIABLE);
        URI base = baseUrl == null || baseUrl.isBlank() ? DEFAULT_BASE_URL : URI.create(baseUrl.strip());
        if (!"https".equals(base.getScheme()) && !"http".equals(base.getScheme()) || base.getHost() == null) {
            throw new IllegalArgumentException(BASE_URL_VARIABLE + " must be an http(s) URL");
        }
        return new ServerConfig(token.strip(), base);
    }

    /** Never prints the token. */
    @Override
    public String toString() {
        return "ServerConfig[apiBaseUrl=" + apiBaseUrl + "]";
    }
}
