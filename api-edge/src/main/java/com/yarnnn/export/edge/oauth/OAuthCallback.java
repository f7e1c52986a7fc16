package com.yarnnn.export.edge.oauth;

/**
 * What a vendor sends the browser back with: a {@code code} and the {@code state}, or an {@code error}
 * ({@code access_denied} when the user declined).
 */
record OAuthCallback(String code, String state, String error) {

    /** Keeps the authorization code out of logs. */
    @Override
    public String toString() {
        return "OAuthCallback[code=" + (code != null ? "[redacted]" : null) + ", error=" + error + "]";
    }
}
