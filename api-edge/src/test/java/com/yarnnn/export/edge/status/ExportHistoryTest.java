package com.yarnnn.export.edge.status;

import static org.assertj.core.api.Assertions.assertThat;

import com.yarnnn.export.edge.ApiClient;
import com.yarnnn.export.edge.ApiEdgeIntegrationTest;
import com.yarnnn.export.edge.TestTokens;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The history: newest first, filters that combine, cursor pages that new exports cannot disturb, attempts. */
class ExportHistoryTest extends ApiEdgeIntegrationTest {

    private static final Instant T0 = Instant.parse("2026-11-01T09:00:00Z");

    private final UUID user = UUID.randomUUID();
    private final String token = TestTokens.forUser(user);

    @Test
    void pagesStayStableWhileNewExportsArrive() {
        List<UUID> existing = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            // three exports share each second, so the export id breaks ties
            existing.add(insert(user, "folder", "SUCCEEDED", null, null, T0.plusSeconds(i / 3)));
        }
        List<String> expectedOrder = jdbc.sql("""
                        select export_id from export_status where user_id = ? order by created_at desc, export_id desc""")
                .param(user).query(String.class).list();

        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            String path = "/api/exports?limit=7" + (cursor != null ? "&cursor=" + cursor : "");
            ApiClient.Response page = api.get(path, token);
            assertThat(page.status()).as(page.body()).isEqualTo(200);
            page.json().path("exports").valueStream().forEach(e -> seen.add(e.path("export_id").asString()));
            cursor = page.json().path("next_cursor").isNull() ? null : page.json().path("next_cursor").asString();
            pages++;
            // new exports arrive between and during page reads
            CompletableFuture.allOf(IntStream.range(0, 3).mapToObj(n -> api.postJsonAsync(EXPORT_PATH, token,
                    validBody(), Map.of())).toArray(CompletableFuture[]::new)).join();
        } while (cursor != null);

        assertThat(pages).isEqualTo(4);
        assertThat(seen).containsExactlyElementsOf(expectedOrder).hasSize(existing.size());
        assertThat(statusRows(user)).isEqualTo(25 + 4 * 3);
    }

    @Test
    void filtersCombine() {
        UUID deliverable = UUID.randomUUID();
        UUID version = UUID.randomUUID();
        UUID match = insert(user, "slack", "FAILED", deliverable, version, T0.plusSeconds(10));
        insert(user, "slack", "FAILED", deliverable, version, T0.plusSeconds(100)); // after "to"
        insert(user, "slack", "SUCCEEDED", deliverable, version, T0.plusSeconds(10));
        insert(user, "notion", "FAILED", deliverable, version, T0.plusSeconds(10));
        insert(user, "slack", "FAILED", UUID.randomUUID(), version, T0.plusSeconds(10));
        insert(user, "slack", "FAILED", deliverable, UUID.randomUUID(), T0.plusSeconds(10));
        insert(UUID.randomUUID(), "slack", "FAILED", deliverable, version, T0.plusSeconds(10));

        String filters = "status=FAILED&provider=slack&version_id=" + version + "&from=" + T0 + "&to=" + T0.plusSeconds(60);
        ApiClient.Response all = api.get("/api/exports?deliverable_id=" + deliverable + "&" + filters, token);
        ApiClient.Response ofDeliverable = api.get("/api/deliverables/" + deliverable + "/exports?" + filters, token);

        assertThat(ids(all)).containsExactly(match.toString());
        assertThat(ids(ofDeliverable)).containsExactly(match.toString());
        assertThat(all.json().path("next_cursor").isNull()).isTrue();
        assertThat(ids(api.get("/api/exports?provider=slack&deliverable_id=" + deliverable, token))).hasSize(4);
    }

    @Test
    void eachExportListsItsAttempts() {
        UUID exportId = insert(user, "slack", "SUCCEEDED", null, null, T0);
        logAttempt(exportId, "RETRYING", 1, "rate_limited", null, T0.plusSeconds(1));
        logAttempt(exportId, "SUCCEEDED", 2, null, "https://acme.slack.com/archives/C1/p1", T0.plusSeconds(6));

        JsonNode export = api.get("/api/exports/" + exportId, token).json();

        JsonNode attempts = export.path("attempts");
        assertThat(attempts.valueStream().map(a -> a.path("status").asString() + "/" + a.path("attempt").asInt()))
                .containsExactly("RETRYING/1", "SUCCEEDED/2");
        assertThat(attempts.get(0).path("error").path("code").asString()).isEqualTo("rate_limited");
        assertThat(attempts.get(1).path("external_url").asString()).isEqualTo("https://acme.slack.com/archives/C1/p1");
        assertThat(ids(api.get("/api/exports?status=SUCCEEDED", token))).containsExactly(exportId.toString());
    }

    @Test
    void pollingWithTheETagCostsA304UntilTheExportChanges() {
        UUID exportId = insert(user, "folder", "QUEUED", null, null, T0);
        ApiClient.Response first = api.get("/api/exports/" + exportId, token);
        String etag = first.header("ETag");
        assertThat(etag).isNotBlank();

        ApiClient.Response unchanged = api.get("/api/exports/" + exportId, token, Map.of("If-None-Match", etag));
        assertThat(unchanged.status()).isEqualTo(304);
        assertThat(unchanged.body()).isEmpty();

        jdbc.sql("update export_status set status = 'RUNNING', updated_at = ? where export_id = ?")
                .param(Timestamp.from(T0.plusSeconds(1))).param(exportId).update();
        ApiClient.Response changed = api.get("/api/exports/" + exportId, token, Map.of("If-None-Match", etag));
        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.json().path("status").asString()).isEqualTo("RUNNING");
        assertThat(changed.header("ETag")).isNotEqualTo(etag);
    }

    @Test
    void badHistoryQueriesAreProblems() {
        assertProblem(api.get("/api/exports?cursor=not-a-cursor", token), 400, "cursor is not valid");
        assertProblem(api.get("/api/exports?from=" + T0 + "&to=" + T0, token), 400, "from must be before to");
        assertProblem(api.get("/api/exports?limit=0", token), 400, "limit must be 1 to 200");
        assertProblem(api.get("/api/exports?status=LOST", token), 400, "'status' must be one of QUEUED, RUNNING");
    }

    private UUID insert(UUID owner, String provider, String status, UUID deliverable, UUID version, Instant createdAt) {
        UUID exportId = UUID.randomUUID();
        jdbc.sql("""
                        insert into export_status (export_id, user_id, provider, destination_id, deliverable_id,
                            deliverable_version_id, title, trigger, status, attempt, created_at, updated_at)
                        values (?, ?, ?, 'somewhere', ?, ?, 'Report', 'MANUAL', ?, 1, ?, ?)""")
                .params(exportId, owner, provider, deliverable, version, status, Timestamp.from(createdAt),
                        Timestamp.from(createdAt))
                .update();
        return exportId;
    }

    private void logAttempt(UUID exportId, String status, int attempt, String errorCode, String url, Instant at) {
        jdbc.sql("""
                        insert into export_log (id, export_id, user_id, provider, status, attempt, error_code,
                            error_message, external_url, occurred_at)
                        values (?, ?, ?, 'slack', ?, ?, ?, ?, ?, ?)""")
                .params(UUID.randomUUID(), exportId, user, status, attempt, errorCode,
                        errorCode != null ? "Slack asked to slow down" : null, url, Timestamp.from(at))
                .update();
    }

    private static List<String> ids(ApiClient.Response page) {
        assertThat(page.status()).as(page.body()).isEqualTo(200);
        return page.json().path("exports").valueStream().map(e -> e.path("export_id").asString()).toList();
    }
}
