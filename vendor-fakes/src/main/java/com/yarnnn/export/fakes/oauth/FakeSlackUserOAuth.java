package com.yarnnn.export.fakes.oauth;

import com.yarnnn.export.fakes.oauth.FakeOAuthServer.Request;
import com.yarnnn.export.fakes.oauth.FakeOAuthServer.Response;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Slack's user-token OAuth (the one its hosted MCP server needs) on a {@link FakeOAuthServer}: the authorization
 * endpoint {@code /oauth/v2_user/authorize} sends the browser back to {@code redirect_uri} with a code, as a user who
 * approves; {@code /api/oauth.v2.user.access} exchanges it ({@code client_secret_post}, the PKCE verifier checked
 * when a challenge was sent) and, with token rotation on, trades a refresh token for a new pair, the old refresh
 * token dead. Answers are shaped as docs.slack.dev shows for {@code oauth.v2.user.access}: the user token at the top
 * level with {@code "token_type":"user"}, {@code authed_user.id}, {@code team.id}; errors are HTTP 200 with
 * {@code ok:false}. Every access token issued is handed to {@code issued}, so a hosted-server double can accept it.
 */
public final class FakeSlackUserOAuth {

    public static final String AUTHORIZE_PATH = "/slack/oauth/v2_user/authorize";
    public static final String TOKEN_PATH = "/slack/api/oauth.v2.user.access";
    /** What Slack answers in {@code expires_in} with token rotation on: twelve hours. */
    public static final int EXPIRES_IN_SECONDS = 43_200;

    private record Grant(String redirectUri, String codeChallenge) {
    }

    private final FakeOAuthServer server;
    private final String clientId;
    private final String clientSecret;
    private final String teamId;
    private final String userId;
    private final Consumer<String> issued;
    private final Map<String, Grant> codes = new ConcurrentHashMap<>();
    private final Map<String, Boolean> refreshTokens = new ConcurrentHashMap<>();
    private final AtomicInteger serial = new AtomicInteger();

    private FakeSlackUserOAuth(FakeOAuthServer server, String clientId, String clientSecret, String teamId,
            String userId, Consumer<String> issued) {
        this.server = server;
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.teamId = teamId;
        this.userId = userId;
        this.issued = issued;
    }

    /** Scripts {@code server}'s two Slack paths for one app, and the user {@code userId} of {@code teamId}. */
    public static FakeSlackUserOAuth on(FakeOAuthServer server, String clientId, String clientSecret, String teamId,
            String userId, Consumer<String> issued) {
        FakeSlackUserOAuth slack = new FakeSlackUserOAuth(server, clientId, clientSecret, teamId, userId, issued);
        server.answer(AUTHORIZE_PATH, slack::authorize);
        server.answer(TOKEN_PATH, slack::token);
        return slack;
    }

    public String authorizeUrl() {
        return server.url(AUTHORIZE_PATH);
    }

    public String tokenUrl() {
        return server.url(TOKEN_PATH);
    }

    private Response authorize(Request request) {
        Map<String, String> query = request.query();
        String redirectUri = query.get("redirect_uri");
        if (!clientId.equals(query.get("client_id")) || redirectUri == null || query.getOrDefault("scope", "").isBlank()) {
            return new Response(400, "text/plain; charset=utf-8", "invalid authorization request");
        }
        String code = "code-" + serial.incrementAndGet();
        codes.put(code, new Grant(redirectUri, query.get("code_challenge")));
        return Response.redirect(redirectUri + (redirectUri.contains("?") ? "&" : "?") + "code=" + code
                + "&state=" + URLEncoder.encode(query.getOrDefault("state", ""), StandardCharsets.UTF_8));
    }

    private Response token(Request request) {
        Map<String, String> form = request.form();
        if (!clientId.equals(form.get("client_id")) || !clientSecret.equals(form.get("client_secret"))) {
            return error("invalid_client_id");
        }
        return switch (form.getOrDefault("grant_type", "authorization_code")) {
            case "authorization_code" -> exchange(form);
            case "refresh_token" -> refresh(form);
            default -> error("invalid_grant_type");
        };
    }

    private Response exchange(Map<String, String> form) {
        Grant grant = codes.remove(form.getOrDefault("code", ""));
        if (grant == null || !grant.redirectUri().equals(form.get("redirect_uri"))) {
            return error("invalid_code");
        }
        if (grant.codeChallenge() != null && !grant.codeChallenge().equals(challenge(form.get("code_verifier")))) {
            return error("invalid_code_verifier");
        }
        return tokens();
    }

    private Response refresh(Map<String, String> form) {
        if (refreshTokens.remove(form.getOrDefault("refresh_token", "")) == null) {
            return error("invalid_refresh_token");
        }
        return tokens();
    }

    private Response tokens() {
        int n = serial.incrementAndGet();
        String accessToken = "xoxe.xoxp-1-user-token-" + n;
        String refreshToken = "xoxe-1-refresh-token-" + n;
        refreshTokens.put(refreshToken, true);
        issued.accept(accessToken);
        return Response.json("""
                {"ok":true,"access_token":"%s","token_type":"user","scope":"chat:write,channels:history",
                 "refresh_token":"%s","expires_in":%d,"authed_user":{"id":"%s","scope":"chat:write,channels:history"},
                 "team":{"id":"%s"}}""".formatted(accessToken, refreshToken, EXPIRES_IN_SECONDS, userId, teamId));
    }

    private static Response error(String code) {
        return Response.json("{\"ok\":false,\"error\":\"" + code + "\"}");
    }

    private static String challenge(String verifier) {
        if (verifier == null) {
            return null;
        }
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
