package com.yarnnn.export.connector.oauth;

import static com.yarnnn.export.connector.testing.OAuthTestApps.GOOGLE_TOKEN_PATH;
import static org.assertj.core.api.Assertions.assertThat;

import com.yarnnn.export.connector.connection.ActiveConnection;
import com.yarnnn.export.connector.connection.Connection;
import com.yarnnn.export.connector.connection.ConnectionStore.StoredTokens;
import com.yarnnn.export.connector.credential.Secret;
import com.yarnnn.export.connector.testing.InMemoryConnectionStore;
import com.yarnnn.export.fakes.oauth.FakeOAuthServer.Response;
import com.yarnnn.export.fakes.oauth.FakeOAuthServer;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two refreshers that share no memory, only the store and its database lock, as two export-consumer
 * processes do: an expired token is still refreshed once.
 */
class CrossProcessRefreshTest {

    private static final Instant NOW = Instant.parse("2026-11-25T10:15:30Z");

    private static EmbeddedPostgres postgres;

    private final FakeOAuthServer vendor = FakeOAuthServer.start();
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);

    @BeforeAll
    static void startDatabase() throws IOException {
        postgres = EmbeddedPostgres.builder().start();
    }

    @AfterAll
    static void stopDatabase() throws IOException {
        postgres.close();
    }

    @Test
    void twoProcessesOpeningAnExpiredTokenRefreshItOnce() throws Exception {
        InMemoryConnectionStore store = new InMemoryConnectionStore(clock,
                new AdvisoryRowLocks(postgres.getPostgresDatabase()));
        Connection gmail = store.add(UUID.randomUUID(), "gmail", "ann@example.com", new StoredTokens(
                Secret.of("ya29.old"), Secret.of("1//refresh"), NOW.minusSeconds(5)));
        RefreshingConnectionAccess processA = refresher(store);
        RefreshingConnectionAccess processB = refresher(store);
        CountDownLatch allOpening = new CountDownLatch(20);
        vendor.answer(GOOGLE_TOKEN_PATH, request -> {
            RefreshingConnectionAccessTest.await(allOpening);
            return Response.json("{\"access_token\":\"ya29.new\",\"expires_in\":3599,\"token_type\":\"Bearer\"}");
        });
        AtomicInteger caller = new AtomicInteger();

        List<ActiveConnection> opened = Concurrently.run(20, () -> {
            RefreshingConnectionAccess process = caller.getAndIncrement() % 2 == 0 ? processA : processB;
            allOpening.countDown();
            return process.open(gmail.id());
        });

        assertThat(opened).allSatisfy(active -> assertThat(active.accessToken()).isEqualTo(Secret.of("ya29.new")));
        assertThat(vendor.requests(GOOGLE_TOKEN_PATH)).hasSize(1);
        vendor.close();
    }

    private RefreshingConnectionAccess refresher(InMemoryConnectionStore store) {
        return new RefreshingConnectionAccess(store, VendorApps.clients(vendor), VendorApps.tokenClient(), clock,
                Duration.ofMinutes(2));
    }
}
