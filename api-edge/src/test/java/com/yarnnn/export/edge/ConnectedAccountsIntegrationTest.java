package com.yarnnn.export.edge;

import static org.assertj.core.api.Assertions.assertThat;

import com.yarnnn.export.connector.connection.ActiveConnection;
import com.yarnnn.export.connector.connection.Destination;
import com.yarnnn.export.connector.credential.Secret;
import com.yarnnn.export.connector.provider.DeliveryReceipt;
import com.yarnnn.export.connector.provider.ExportProvider;
import com.yarnnn.export.connector.provider.ProviderDescriptor;
import com.yarnnn.export.connector.testing.InMemoryConnectionStore;
import com.yarnnn.export.connector.testing.OAuthTestApps;
import com.yarnnn.export.fakes.oauth.FakeOAuthServer;
import com.yarnnn.export.schemas.event.ExportRequested;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The application with the three vendors' OAuth apps configured against one fake vendor (token and revocation
 * endpoints), and a stub provider {@code teamchat} that needs a connected account. Subclasses share the context.
 */
@Import(ConnectedAccountsIntegrationTest.TeamchatProvider.class)
public abstract class ConnectedAccountsIntegrationTest extends ApiEdgeIntegrationTest {

    public static final FakeOAuthServer VENDOR = FakeOAuthServer.start();
    public static final String STATE_SECRET = "test-only-oauth-state-secret-9c41b7";
    public static final String PUBLIC_BASE_URL = "https://yarnnn.test";
    public static final String SETTINGS_URL = PUBLIC_BASE_URL + "/settings/integrations";

    @DynamicPropertySource
    static void vendorApps(DynamicPropertyRegistry registry) {
        OAuthTestApps.properties(VENDOR).forEach((name, value) -> registry.add(name, () -> value));
        registry.add("yarnnn.oauth.state-secret", () -> STATE_SECRET);
        registry.add("yarnnn.public-base-url", () -> PUBLIC_BASE_URL);
    }

    @Autowired
    protected InMemoryConnectionStore connections;

    @Autowired
    protected Teamchat teamchat;

    @BeforeEach
    void forgetVendorCalls() {
        VENDOR.reset();
        connections.clear();
        teamchat.asked.clear();
    }

    /** The authorization URL the start route answers for the provider, as the user of {@code token}. */
    protected String authorizationUrl(String providerId, String token) {
        ApiClient.Response start = api.get("/api/integrations/" + providerId + "/oauth/start", token);
        assertThat(start.status()).as(start.body()).isEqualTo(200);
        assertNoCredentialsIn(start.body());
        return start.json().path("authorization_url").asString();
    }

    /** The browser coming back from the vendor: no bearer token. */
    protected ApiClient.Response callback(String providerId, Map<String, String> parameters) {
        String query = parameters.entrySet().stream()
                .map(p -> p.getKey() + "=" + URLEncoder.encode(p.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        ApiClient.Response callback = api.get("/api/integrations/" + providerId + "/oauth/callback?" + query, null);
        assertThat(callback.status()).as(callback.body()).isEqualTo(302);
        assertNoCredentialsIn(callback.header("Location"), callback.body());
        return callback;
    }

    /** The one item of a list, asserting there is exactly one. */
    protected static <T> T single(List<T> items) {
        assertThat(items).hasSize(1);
        return items.get(0);
    }

    /** The decoded query parameters of a URL. */
    protected static Map<String, String> query(String url) {
        Map<String, String> parameters = new LinkedHashMap<>();
        UriComponentsBuilder.fromUriString(url).build().getQueryParams().forEach((name, values) ->
                parameters.put(name, URLDecoder.decode(values.get(0), StandardCharsets.UTF_8)));
        return parameters;
    }

    /** Asserts that none of the credentials the tests use appears in any of the texts. */
    protected static void assertNoCredentialsIn(String... texts) {
        List<String> credentials = Stream.concat(Stream.of(OAuthTestApps.SLACK_CLIENT_SECRET,
                        OAuthTestApps.NOTION_CLIENT_SECRET, OAuthTestApps.GOOGLE_CLIENT_SECRET, STATE_SECRET),
                Stream.of(SECRETS_IN_ANSWERS)).toList();
        for (String text : texts) {
            assertThat(text).doesNotContain(credentials);
        }
    }

    /** Tokens and codes the fake vendor hands out in the tests. */
    protected static final String[] SECRETS_IN_ANSWERS = {"xoxb-slack-bot-token-4f1e", "xoxp-slack-user-token-77aa",
            "ntn_notion-access-token-51c2", "nrt_notion-refresh-token-0b9d", "ya29.google-access-token-e3f0",
            "1//google-refresh-token-a8c6", "vendor-auth-code-5d21"};

    @TestConfiguration(proxyBeanMethods = false)
    static class TeamchatProvider {

        @Bean
        Teamchat teamchat() {
            return new Teamchat();
        }
    }

    /** A chat provider whose destinations are listed from the connected account. */
    public static class Teamchat implements ExportProvider {

        /** The access tokens destinations were listed with. */
        public final List<Secret> asked = new CopyOnWriteArrayList<>();

        @Override
        public ProviderDescriptor descriptor() {
            return new ProviderDescriptor("teamchat", "Teamchat", "A chat that needs a connected workspace", "chat",
                    true);
        }

        @Override
        public void checkDestination(String destinationId) {
        }

        @Override
        public DeliveryReceipt deliver(ExportRequested request) {
            throw new UnsupportedOperationException("api-edge only queues exports");
        }

        @Override
        public boolean listsDestinations() {
            return true;
        }

        @Override
        public List<Destination> destinations(ActiveConnection connection) {
            asked.add(connection.accessToken());
            return List.of(new Destination("C001", "#general", "channel"), new Destination("C002", "#reports", "channel"));
        }
    }
}
