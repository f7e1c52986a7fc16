package com.yarnnn.export.connector.testing;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.yarnnn.export.fakes.oauth.FakeOAuthServer;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The three vendors' OAuth apps as tests configure them: made-up client credentials, and the token and
 * revocation endpoints on a {@link FakeOAuthServer}. Authorization endpoints stay the shipped defaults (the
 * browser would go there; the server never calls them).
 */
public final class OAuthTestApps {

    public static final String SLACK_CLIENT_ID = "111.222";
    public static final String SLACK_CLIENT_SECRET = "slack-client-secret-8f3a";
    public static final String NOTION_CLIENT_ID = "2f6d1b2e-notion-client";
    public static final String NOTION_CLIENT_SECRET = "secret_notion-client-secret-77c1";
    public static final String GOOGLE_CLIENT_ID = "1234-abc.apps.googleusercontent.com";
    public static final String GOOGLE_CLIENT_SECRET = "GOCSPX-google-client-secret-5d2e";

    public static final String SLACK_TOKEN_PATH = "/slack/api/oauth.v2.access";
    public static final String SLACK_REVOKE_PATH = "/slack/api/auth.revoke";
    public static final String NOTION_TOKEN_PATH = "/notion/v1/oauth/token";
    public static final String NOTION_REVOKE_PATH = "/notion/v1/oauth/revoke";
    public static final String GOOGLE_TOKEN_PATH = "/google/token";
    public static final String GOOGLE_REVOKE_PATH = "/google/revoke";

    private OAuthTestApps() {
    }

    /** Properties over the shipped defaults that configure all three apps against the fake. */
    public static Map<String, String> properties(FakeOAuthServer vendor) {
        Map<String, String> properties = new LinkedHashMap<>();
        String registration = "spring.security.oauth2.client.registration.";
        String provider = "spring.security.oauth2.client.provider.";
        properties.put(registration + "slack.client-id", SLACK_CLIENT_ID);
        properties.put(registration + "slack.client-secret", SLACK_CLIENT_SECRET);
        properties.put(provider + "slack.token-uri", vendor.url(SLACK_TOKEN_PATH));
        properties.put("yarnnn.oauth.revocation-uri.slack", vendor.url(SLACK_REVOKE_PATH));
        properties.put(registration + "notion.client-id", NOTION_CLIENT_ID);
        properties.put(registration + "notion.client-secret", NOTION_CLIENT_SECRET);
        properties.put(provider + "notion.token-uri", vendor.url(NOTION_TOKEN_PATH));
        properties.put("yarnnn.oauth.revocation-uri.notion", vendor.url(NOTION_REVOKE_PATH));
        properties.put(registration + "gmail.client-id", GOOGLE_CLIENT_ID);
        properties.put(registration + "gmail.client-secret", GOOGLE_CLIENT_SECRET);
        properties.put(provider + "google.token-uri", vendor.url(GOOGLE_TOKEN_PATH));
        properties.put("yarnnn.oauth.revocation-uri.gmail", vendor.url(GOOGLE_REVOKE_PATH));
        return properties;
    }

    /** An id token as Google's token endpoint returns it for the test app (unsigned: its signature is not checked). */
    public static String googleIdToken(String email) {
        return new PlainJWT(new JWTClaimsSet.Builder()
                .issuer("https://accounts.google.com")
                .audience(GOOGLE_CLIENT_ID)
                .subject("109876543210")
                .claim("email", email)
                .claim("email_verified", true)
                .build()).serialize();
    }
}
