package com.yarnnn.export.fakes.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The standalone fake Slack over HTTP, as a check in another process uses it. */
class SlackWorkspacesMainTest {

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void eachWorkspaceCodeConnectsItsOwnWorkspaceAndItsPostsAreListedUnderIt() throws Exception {
        SlackWorkspacesMain fakes = new SlackWorkspacesMain(3);
        JsonNode endpoints = fakes.endpoints();

        JsonNode second = post(endpoints.get("token_url").asString(), "application/x-www-form-urlencoded",
                "code=workspace-2&client_id=c&client_secret=s", null);
        JsonNode unknown = post(endpoints.get("token_url").asString(), "application/x-www-form-urlencoded",
                "code=workspace-4", null);
        String channel = endpoints.get("channels").get(0).asString();
        JsonNode listed = get(endpoints.get("slack_api_base_url").asString() + "conversations.list",
                second.get("access_token").asString());
        post(endpoints.get("slack_api_base_url").asString() + "chat.postMessage", "application/json",
                "{\"channel\":\"" + channel + "\",\"text\":\"*Report r00001*\"}", second.get("access_token").asString());
        JsonNode posts = get(endpoints.get("posts_url").asString(), null);

        assertThat(second.get("ok").asBoolean()).isTrue();
        assertThat(second.get("team").get("id").asString()).isEqualTo("T00000002");
        assertThat(second.get("access_token").asString()).startsWith("xoxb-");
        assertThat(unknown.get("error").asString()).isEqualTo("invalid_code");
        assertThat(listed.get("channels").valueStream().map(c -> c.get("id").asString()))
                .hasSize(4).contains(channel);
        assertThat(posts.get("workspaces").valueStream().map(w -> w.get("posts").size())).containsExactly(0, 1, 0);
        assertThat(posts.get("workspaces").get(1).get("posts").get(0).get("text").asString())
                .isEqualTo("*Report r00001*");
    }

    private JsonNode post(String url, String contentType, String body, String bearer) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return SlackWorkspacesMain.JSON.readTree(http.send(request.build(), HttpResponse.BodyHandlers.ofString()).body());
    }

    private JsonNode get(String url, String bearer) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url));
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return SlackWorkspacesMain.JSON.readTree(http.send(request.build(), HttpResponse.BodyHandlers.ofString())
                .body());
    }
}
