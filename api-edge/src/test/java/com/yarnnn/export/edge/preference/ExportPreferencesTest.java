package com.yarnnn.export.edge.preference;

import static org.assertj.core.api.Assertions.assertThat;

import com.yarnnn.export.connector.connection.ConnectionStore.StoredTokens;
import com.yarnnn.export.connector.credential.Secret;
import com.yarnnn.export.edge.ApiClient;
import com.yarnnn.export.edge.ConnectedAccountsIntegrationTest;
import com.yarnnn.export.edge.TestTokens;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** A deliverable's saved destinations: only its owner touches them, and a destination is checked when saved. */
class ExportPreferencesTest extends ConnectedAccountsIntegrationTest {

    private final UUID owner = UUID.randomUUID();
    private final String token = TestTokens.forUser(owner);
    private final UUID deliverable = UUID.randomUUID();

    @Test
    void savesListsUpdatesAndDeletesPreferences() {
        connections.add(owner, "teamchat", "W1", new StoredTokens(Secret.of("teamchat-token"), null, null));

        ApiClient.Response folder = save(token, "folder", "reports/weekly", null, true);
        ApiClient.Response chat = save(token, "teamchat", "C002", null, false);

        assertThat(folder.status()).as(folder.body()).isEqualTo(200);
        assertThat(chat.json().path("destination_name").asString()).as("named as the provider lists it")
                .isEqualTo("#reports");
        assertThat(folder.json().path("destination_name").asString()).isEqualTo("reports/weekly");
        assertThat(list(token)).containsExactly(List.of("folder", "reports/weekly", "true"),
                List.of("teamchat", "C002", "false"));

        ApiClient.Response updated = save(token, "teamchat", "C002", "Reports channel", true);
        assertThat(updated.json().path("id").asString()).isEqualTo(chat.json().path("id").asString());
        assertThat(updated.json().path("destination_name").asString()).isEqualTo("Reports channel");
        assertThat(list(token)).containsExactly(List.of("folder", "reports/weekly", "true"),
                List.of("teamchat", "C002", "true"));

        ApiClient.Response deleted = api.delete(path() + "/" + folder.json().path("id").asString(), token);
        assertThat(deleted.status()).isEqualTo(204);
        assertThat(list(token)).containsExactly(List.of("teamchat", "C002", "true"));
        assertProblem(api.delete(path() + "/" + folder.json().path("id").asString(), token), 404,
                "No export preference");
    }

    @Test
    void anotherUsersDeliverableIsNotFound() {
        save(token, "folder", "reports", null, true);
        String stranger = TestTokens.forUser(UUID.randomUUID());
        String preferenceId = api.get(path(), token).json().path("preferences").get(0).path("id").asString();

        assertProblem(api.get(path(), stranger), 404, "No deliverable " + deliverable + " was found for you");
        assertProblem(save(stranger, "folder", "elsewhere", null, true), 404, "No deliverable " + deliverable);
        assertProblem(api.delete(path() + "/" + preferenceId, stranger), 404, "No deliverable " + deliverable);
        assertProblem(api.get("/api/deliverables/" + deliverable + "/exports", stranger), 404,
                "No deliverable " + deliverable);
        assertThat(list(token)).containsExactly(List.of("folder", "reports", "true"));
    }

    @Test
    void aDestinationTheProviderDoesNotListIsRejected() {
        connections.add(owner, "teamchat", "W1", new StoredTokens(Secret.of("teamchat-token"), null, null));

        ApiClient.Response unknown = save(token, "teamchat", "C999", "#typo", true);

        assertProblem(unknown, 422, "Teamchat has no destination 'C999' you can export to");
        assertProblem(save(token, "folder", "../outside", null, true), 422, "Folder destination");
        assertThat(list(token)).isEmpty();
    }

    @Test
    void aProviderThatIsNotConnectedOrUnknownIsRejected() {
        ApiClient.Response notConnected = save(token, "teamchat", "C001", null, true);

        assertProblem(notConnected, 409, "Connect Teamchat first");
        assertProblem(save(token, "dropbox", "x", null, true), 400, "Unknown provider 'dropbox'");
        assertProblem(api.postJson(path(), token, Map.of("provider_id", "folder", "destination_id", "r"), Map.of()),
                400, "auto_export is required");
        assertThat(list(token)).isEmpty();
    }

    private String path() {
        return "/api/deliverables/" + deliverable + "/export-preferences";
    }

    private ApiClient.Response save(String as, String provider, String destination, String name, boolean auto) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("provider_id", provider);
        body.put("destination_id", destination);
        body.put("destination_name", name);
        body.put("auto_export", auto);
        return api.postJson(path(), as, body, Map.of());
    }

    private List<List<String>> list(String as) {
        ApiClient.Response response = api.get(path(), as);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode preferences = response.json().path("preferences");
        return preferences.valueStream().map(p -> List.of(p.path("provider_id").asString(),
                p.path("destination_id").asString(), String.valueOf(p.path("auto_export").asBoolean()))).toList();
    }
}
