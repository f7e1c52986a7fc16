package com.yarnnn.export.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import com.yarnnn.export.connector.testing.OAuthTestApps;
import com.yarnnn.export.fakes.hosted.HostedSlackMcp;
import com.yarnnn.export.fakes.oauth.FakeOAuthServer;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Slack as the stack sees it on transport {@code remote}: the double of Slack's hosted MCP server and Slack's OAuth
 * token endpoint (a fake), and users connecting a workspace through the stack's own OAuth routes, as the settings
 * page does (start, Slack's consent answered with a code, callback). Every code exchange and every refresh hands out
 * a new user token the double accepts, with a rotated refresh token, as Slack does with token rotation on; a refresh
 * can be refused as Slack refuses a dead refresh token.
 */
final class HostedSlackAccounts implements AutoCloseable {

    /** The workspaces users connect, by team id; each knows its own tokens only. */
    static final Map<String, String> WORKSPACES = Map.of("T0REMOTE01", "acme-remote", "T0REMOTE02", "globex-remote");

    final HostedSlackMcp slack = HostedSlackMcp.start();
    final FakeOAuthServer oauth = FakeOAuthServer.start();
    private final Map<String, String> teamOfRefreshToken = new ConcurrentHashMap<>();
    private final AtomicInteger refusedRefreshes = new AtomicInteger();
    private final AtomicReference<String> lastIssued = new AtomicReference<>();
    private final HttpClient http = HttpClient.newHttpClient();

    HostedSlackAccounts() {
        WORKSPACES.forEach(slack::workspace);
        oauth.answer(OAuthTestApps.SLACK_TOKEN_PATH, this::tokenEndpoint);
    }

    /** The stack's settings that send Slack's calls to the double and its token requests to the fake. */
    Map<String, Object> properties() {
        Map<String, Object> properties = new HashMap<>(OAuthTestApps.properties(oauth));
        properties.put("yarnnn.providers.slack.transport", "remote");
        properties.put("yarnnn.mcp.remote.servers.slack.url", slack.url());
        return properties;
    }

    /** Adds channels to a workspace. */
    void channels(String team, String... channels) {
        Arrays.stream(channels).forEach(channel -> slack.channel(team, channel, channel.toLowerCase()));
    }

    /** The next {@code count} refreshes are refused with {@code invalid_refresh_token}, a dead grant. */
    void refuseNextRefreshes(int count) {
        refusedRefreshes.addAndGet(count);
    }

    /** The access token of the latest code exchange or refresh: what the stack now sends for that connection. */
    String lastIssuedToken() {
        return lastIssued.get();
    }

    /** Refresh-token grants the token endpoint received. */
    int refreshes() {
        return (int) oauth.requests(OAuthTestApps.SLACK_TOKEN_PATH).stream()
                .filter(r -> "refresh_token".equals(r.form().get("grant_type"))).count();
    }

    /**
     * Connects the user's account to the workspace through the stack's OAuth routes: the start route's authorization
     * URL carries the state Slack would send back with the code; the callback exchanges the code at the fake.
     */
    void connect(StackClient user, String team) {
        StackClient.Response start = user.get("/api/integrations/slack/oauth/start");
        assertThat(start.status()).as(start.body().toString()).isEqualTo(200);
        String state = query(URI.create(start.body().get("authorization_url").asString())).get("state");
        URI callback = URI.create(user.baseUrl() + "/api/integrations/slack/oauth/callback?code=" + codeFor(team)
                + "&state=" + URLEncoder.encode(state, StandardCharsets.UTF_8));
        try {
            HttpResponse<Void> answer = http.send(HttpRequest.newBuilder(callback).GET().build(),
                    HttpResponse.BodyHandlers.discarding());
            assertThat(answer.headers().firstValue("Location")).get().asString().contains("connected=slack");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private FakeOAuthServer.Response tokenEndpoint(FakeOAuthServer.Request request) {
        Map<String, String> form = request.form();
        if ("refresh_token".equals(form.get("grant_type"))) {
            String team = teamOfRefreshToken.remove(form.get("refresh_token"));
            if (team == null || refusedRefreshes.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                return FakeOAuthServer.Response.json("{\"ok\":false,\"error\":\"invalid_refresh_token\"}");
            }
            return FakeOAuthServer.Response.json(grant(team));
        }
        String team = form.getOrDefault("code", "").replace("code-", "");
        if (!WORKSPACES.containsKey(team)) {
            return FakeOAuthServer.Response.json("{\"ok\":false,\"error\":\"invalid_code\"}");
        }
        return FakeOAuthServer.Response.json(grant(team));
    }

    /**
     * A new user token of the workspace with its rotated refresh token. The answer also carries the fields of the
     * bot-token exchange the stack's Slack OAuth reads today ({@code bot_user_id}, {@code team}).
     */
    private String grant(String team) {
        String user = "U0" + team.substring(2);
        String access = "xoxe.xoxp-1-" + UUID.randomUUID();
        String refresh = "xoxe-1-" + UUID.randomUUID();
        slack.token(access, team, user);
        lastIssued.set(access);
        teamOfRefreshToken.put(refresh, team);
        return """
                {"ok":true,"app_id":"A0REMOTE","access_token":"%s","token_type":"user","expires_in":43200,
                 "refresh_token":"%s","scope":"chat:write,channels:history,channels:read","bot_user_id":"%s",
                 "authed_user":{"id":"%s"},"team":{"id":"%s","name":"%s"}}
                """.formatted(access, refresh, user, user, team, WORKSPACES.get(team));
    }

    private static String codeFor(String team) {
        return "code-" + team;
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> parameters = new HashMap<>();
        for (String pair : uri.getRawQuery().split("&")) {
            String[] nameAndValue = pair.split("=", 2);
            parameters.put(nameAndValue[0], URLDecoder.decode(nameAndValue[1], StandardCharsets.UTF_8));
        }
        return parameters;
    }

    @Override
    public void close() {
        slack.close();
        oauth.close();
    }
}
