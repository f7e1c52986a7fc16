package com.yarnnn.export.connector.connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.yarnnn.export.connector.connection.ConnectionStore.NewConnection;
import com.yarnnn.export.connector.connection.ConnectionStore.StoredTokens;
import com.yarnnn.export.connector.connection.ConnectionTestApplication.TestClock;
import com.yarnnn.export.connector.credential.Secret;
import com.yarnnn.export.infra.TestInfrastructureInitializer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;

/** The connection store on the real PostgreSQL, through the auto-configured bean. */
@SpringBootTest(classes = ConnectionTestApplication.class, properties = "yarnnn.providers.folder.enabled=false")
@ContextConfiguration(initializers = TestInfrastructureInitializer.class)
class JdbcConnectionStoreTest {

    static final Instant EXPIRES = Instant.parse("2026-11-25T13:00:00Z");

    @Autowired
    ConnectionStore store;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TestClock clock;

    private final UUID user = UUID.randomUUID();

    @Test
    void theAutoConfiguredStoreIsTheJdbcOne() {
        assertThat(store).isInstanceOf(JdbcConnectionStore.class);
    }

    @Test
    void aSavedConnectionIsFoundWithItsTokens() {
        Connection saved = store.save(slack("T1", "xoxb-first", "xoxe-refresh-first"));

        assertThat(saved.id()).isNotNull();
        assertThat(saved.userId()).isEqualTo(user);
        assertThat(saved.providerId()).isEqualTo("slack");
        assertThat(saved.accountId()).isEqualTo("T1");
        assertThat(saved.accountName()).isEqualTo("Team T1");
        assertThat(saved.metadata()).isEqualTo(Map.of("bot_user_id", "U-T1"));
        assertThat(saved.status()).isEqualTo(ConnectionStatus.ACTIVE);
        assertThat(saved.connectedAt()).isEqualTo(clock.instant());
        assertThat(store.find(saved.id())).contains(saved);
        assertThat(store.tokens(saved.id())).isEqualTo(
                new StoredTokens(Secret.of("xoxb-first"), Secret.of("xoxe-refresh-first"), EXPIRES));
    }

    @Test
    void theDatabaseHoldsOnlyCiphertext() {
        Connection saved = store.save(slack("T1", "xoxb-plain-access", "xoxe-plain-refresh"));

        Map<String, Object> row = jdbc.sql("select access_token_encrypted, refresh_token_encrypted, scopes "
                + "from user_integrations where id = :id").param("id", saved.id()).query().singleRow();
        String access = new String((byte[]) row.get("access_token_encrypted"), StandardCharsets.ISO_8859_1);
        String refresh = new String((byte[]) row.get("refresh_token_encrypted"), StandardCharsets.ISO_8859_1);
        assertThat(access).doesNotContain("xoxb-plain-access").startsWith("\u0001\u0006test-1");
        assertThat(refresh).doesNotContain("xoxe-plain-refresh").startsWith("\u0001\u0006test-1");
        assertThat(row.get("scopes")).isEqualTo("chat:write,channels:read");
    }

    @Test
    void aConnectionWithoutRefreshTokenOrExpiryKeepsThemNull() {
        Connection saved = store.save(new NewConnection(user, "notion", "W1", "Workspace", null,
                Secret.of("ntn_access"), null, null, null));

        assertThat(saved.metadata()).isEmpty();
        assertThat(store.tokens(saved.id())).isEqualTo(new StoredTokens(Secret.of("ntn_access"), null, null));
    }

    @Test
    void reconnectingTheSameAccountKeepsTheIdReplacesTheTokensAndMakesItActiveAndLatest() {
        Connection first = store.save(slack("T1", "xoxb-old", "xoxe-old"));
        store.markNeedsReauth(first.id());
        clock.advance(Duration.ofMinutes(1));
        Connection other = store.save(slack("T2", "xoxb-other", null));
        assertThat(store.latestFor(user, "slack")).contains(other);
        clock.advance(Duration.ofMinutes(1));

        Connection again = store.save(new NewConnection(user, "slack", "T1", "Team T1 renamed",
                Map.of("bot_user_id", "U2"), Secret.of("xoxb-new"), null, null, "chat:write"));

        assertThat(again.id()).isEqualTo(first.id());
        assertThat(again.status()).isEqualTo(ConnectionStatus.ACTIVE);
        assertThat(again.accountName()).isEqualTo("Team T1 renamed");
        assertThat(again.metadata()).isEqualTo(Map.of("bot_user_id", "U2"));
        assertThat(again.connectedAt()).isEqualTo(clock.instant());
        assertThat(store.tokens(first.id())).isEqualTo(new StoredTokens(Secret.of("xoxb-new"), null, null));
        assertThat(store.latestFor(user, "slack")).contains(again);
        assertThat(store.listForUser(user)).containsExactly(again, other);
    }

    @Test
    void listsOnlyTheUsersConnectionsAndLatestIsPerProvider() {
        Connection slack = store.save(slack("T1", "xoxb", null));
        clock.advance(Duration.ofSeconds(1));
        Connection notion = store.save(new NewConnection(user, "notion", "W1", "Workspace", Map.of(),
                Secret.of("ntn"), null, null, null));
        store.save(new NewConnection(UUID.randomUUID(), "slack", "T1", "Team", Map.of(), Secret.of("x"), null, null,
                null));

        assertThat(store.listForUser(user)).containsExactly(notion, slack);
        assertThat(store.latestFor(user, "slack")).contains(slack);
        assertThat(store.latestFor(user, "gmail")).isEmpty();
        assertThat(store.listForUser(UUID.randomUUID())).isEmpty();
    }

    @Test
    void updatedTokensReplaceTheStoredOnesAndANullRefreshTokenKeepsTheOldOne() {
        Connection saved = store.save(slack("T1", "access-1", "refresh-1"));
        Instant later = EXPIRES.plus(Duration.ofHours(1));

        store.updateTokens(saved.id(), new StoredTokens(Secret.of("access-2"), null, later));
        assertThat(store.tokens(saved.id())).isEqualTo(
                new StoredTokens(Secret.of("access-2"), Secret.of("refresh-1"), later));

        store.updateTokens(saved.id(), new StoredTokens(Secret.of("access-3"), Secret.of("refresh-3"), null));
        assertThat(store.tokens(saved.id())).isEqualTo(
                new StoredTokens(Secret.of("access-3"), Secret.of("refresh-3"), null));
    }

    @Test
    void markNeedsReauthChangesOnlyTheStatus() {
        Connection saved = store.save(slack("T1", "access", "refresh"));

        store.markNeedsReauth(saved.id());

        assertThat(store.find(saved.id()).orElseThrow().status()).isEqualTo(ConnectionStatus.NEEDS_REAUTH);
        assertThat(store.tokens(saved.id()).accessToken()).isEqualTo(Secret.of("access"));
    }

    @Test
    void aDeletedConnectionIsGoneAndItsTokensAreNotConnected() {
        Connection saved = store.save(slack("T1", "access", "refresh"));

        store.delete(saved.id());

        assertThat(store.find(saved.id())).isEmpty();
        assertThat(store.listForUser(user)).isEmpty();
        assertThatThrownBy(() -> store.tokens(saved.id())).isInstanceOfSatisfying(ConnectionUnusableException.class,
                e -> assertThat(e.code()).isEqualTo("not_connected"));
        assertThatThrownBy(() -> store.updateTokens(saved.id(), new StoredTokens(Secret.of("a"), null, null)))
                .isInstanceOf(ConnectionUnusableException.class);
        assertThatThrownBy(() -> store.withRowLock(saved.id(), () -> "never"))
                .isInstanceOf(ConnectionUnusableException.class);
    }

    @Test
    void theRowLockLetsOneCallerInAtATimePerConnection() throws Exception {
        Connection saved = store.save(slack("T1", "access-0", "refresh"));
        Connection other = store.save(slack("T2", "access", "refresh"));
        List<String> events = new CopyOnWriteArrayList<>();
        CountDownLatch firstInside = new CountDownLatch(1);
        CountDownLatch releaseFirst = new CountDownLatch(1);

        ExecutorService callers = Executors.newFixedThreadPool(2);
        CompletableFuture<String> first = CompletableFuture.supplyAsync(() -> store.withRowLock(saved.id(), () -> {
            events.add("first in");
            firstInside.countDown();
            block(releaseFirst);
            store.updateTokens(saved.id(), new StoredTokens(Secret.of("access-1"), null, null));
            events.add("first out");
            return "first";
        }), callers);
        assertThat(firstInside.await(30, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<String> second = CompletableFuture.supplyAsync(() -> store.withRowLock(saved.id(), () -> {
            events.add("second in, sees " + store.tokens(saved.id()).accessToken().reveal());
            return "second";
        }), callers);

        await().atMost(Duration.ofSeconds(30)).until(() -> waitingForRowLocks() > 0);
        assertThat(events).containsExactly("first in");
        assertThat(store.withRowLock(other.id(), () -> "another connection is not blocked"))
                .isEqualTo("another connection is not blocked");

        releaseFirst.countDown();
        assertThat(first.get(30, TimeUnit.SECONDS)).isEqualTo("first");
        assertThat(second.get(30, TimeUnit.SECONDS)).isEqualTo("second");
        assertThat(events).containsExactly("first in", "first out", "second in, sees access-1");
        callers.shutdown();
    }

    @Test
    void workThatFailsUnderTheRowLockRollsBackItsWrites() {
        Connection saved = store.save(slack("T1", "access-0", "refresh"));

        assertThatThrownBy(() -> store.withRowLock(saved.id(), () -> {
            store.updateTokens(saved.id(), new StoredTokens(Secret.of("access-1"), null, null));
            throw new IllegalStateException("refresh failed");
        })).hasMessage("refresh failed");

        assertThat(store.tokens(saved.id()).accessToken()).isEqualTo(Secret.of("access-0"));
    }

    private int waitingForRowLocks() {
        return jdbc.sql("select count(*) from pg_stat_activity where wait_event_type = 'Lock' "
                + "and query like '%user_integrations%for update%'").query(Integer.class).single();
    }

    private NewConnection slack(String team, String access, String refresh) {
        return new NewConnection(user, "slack", team, "Team " + team, Map.of("bot_user_id", "U-" + team),
                Secret.of(access), refresh != null ? Secret.of(refresh) : null, EXPIRES, "chat:write,channels:read");
    }

    private static void block(CountDownLatch latch) {
        try {
            if (!latch.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("not released");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
