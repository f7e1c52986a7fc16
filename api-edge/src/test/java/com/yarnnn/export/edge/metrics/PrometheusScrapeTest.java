package com.yarnnn.export.edge.metrics;

import static com.yarnnn.export.connector.testing.PrometheusScrape.value;
import static org.assertj.core.api.Assertions.assertThat;

import com.yarnnn.export.connector.connection.ConnectionStore.StoredTokens;
import com.yarnnn.export.connector.credential.Secret;
import com.yarnnn.export.edge.ApiClient;
import com.yarnnn.export.edge.ConnectedAccountsIntegrationTest;
import com.yarnnn.export.edge.TestTokens;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** {@code /actuator/prometheus} of api-edge: open, counting accepted exports, showing no credential. */
class PrometheusScrapeTest extends ConnectedAccountsIntegrationTest {

    private static final String CONNECTION_TOKEN = "xoxb-connection-token-in-no-scrape-3c9d";

    private final UUID user = UUID.randomUUID();
    private final String token = TestTokens.forUser(user);

    @Test
    void acceptedExportsAreCountedByProviderAndTriggerAndTheScrapeHoldsNoCredential() {
        connections.add(user, "teamchat", "W1", new StoredTokens(Secret.of(CONNECTION_TOKEN), null, null));
        double folderBefore = accepted(scrape(), "folder");
        double teamchatBefore = accepted(scrape(), "teamchat");

        assertThat(api.postJson(EXPORT_PATH, token, validBody(), Map.of()).status()).isEqualTo(202);
        Map<String, Object> teamchat = validBody();
        teamchat.put("provider_id", "teamchat");
        teamchat.put("destination_id", "C001");
        assertThat(api.postJson(EXPORT_PATH, token, teamchat, Map.of()).status()).isEqualTo(202);

        String scrape = scrape();
        assertThat(accepted(scrape, "folder")).isEqualTo(folderBefore + 1);
        assertThat(accepted(scrape, "teamchat")).isEqualTo(teamchatBefore + 1);
        assertThat(scrape).doesNotContain(token, TestTokens.SECRET, CONNECTION_TOKEN);
        assertNoCredentialsIn(scrape);
    }

    @Test
    void aRefusedExportIsNotCounted() {
        double before = accepted(scrape(), "folder");
        Map<String, Object> empty = validBody();
        empty.put("content", "");

        assertThat(api.postJson(EXPORT_PATH, token, empty, Map.of()).status()).isEqualTo(400);

        assertThat(accepted(scrape(), "folder")).isEqualTo(before);
    }

    private String scrape() {
        ApiClient.Response response = api.get("/actuator/prometheus", null);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.body();
    }

    private static double accepted(String scrape, String provider) {
        return value(scrape, "yarnnn_export_accepted_total", Map.of("provider", provider, "trigger", "MANUAL")).orElse(0);
    }
}
