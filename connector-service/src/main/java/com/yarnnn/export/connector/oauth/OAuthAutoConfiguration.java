package com.yarnnn.export.connector.oauth;

import com.yarnnn.export.connector.connection.ConnectionAccess;
import com.yarnnn.export.connector.connection.ConnectionStore;
import com.yarnnn.export.connector.vault.TokenVault;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.util.List;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.oauth2.client.autoconfigure.OAuth2ClientAutoConfiguration;
import org.springframework.boot.security.oauth2.client.autoconfigure.reactive.ReactiveOAuth2ClientAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.web.client.RestClient;
import reactor.core.publisher.Mono;

/**
 * The vendors' OAuth apps, their token and revocation endpoints, and token refresh for providers. Runs before
 * Boot's OAuth client auto-configurations so that {@link OAuthClients} replaces their registration
 * repositories (servlet and, in the non-web export-consumer, reactive), and after the connection store's, whose
 * bean {@link RefreshingConnectionAccess} needs.
 */
@AutoConfiguration(before = {OAuth2ClientAutoConfiguration.class, ReactiveOAuth2ClientAutoConfiguration.class},
        afterName = "com.yarnnn.export.connector.connection.ConnectionAutoConfiguration")
@EnableConfigurationProperties(OAuthProperties.class)
public class OAuthAutoConfiguration {

    static final String NOTION_TRANSPORT = "yarnnn.providers.notion.transport";

    /**
     * A bot token for the npm server, a user token for Slack's hosted one: the vendor follows
     * {@code yarnnn.providers.slack.transport}, as the registration's endpoints and scopes in
     * {@code pipeline-defaults.properties} do.
     */
    @Bean
    SlackOAuth slackOAuth(Environment environment) {
        return "remote".equalsIgnoreCase(environment.getProperty("yarnnn.providers.slack.transport", "stdio"))
                ? new SlackUserOAuth() : new SlackOAuth();
    }

    /** Notion's public integration, for its stdio MCP server (which takes the integration's token). */
    @Bean
    @ConditionalOnProperty(name = NOTION_TRANSPORT, havingValue = "stdio", matchIfMissing = true)
    NotionOAuth notionOAuth() {
        return new NotionOAuth();
    }

    @Bean
    GoogleOAuth googleOAuth() {
        return new GoogleOAuth();
    }

    @Bean
    @ConditionalOnMissingBean
    OAuthClients oauthClients(Environment environment, List<OAuthVendor> vendors) {
        return OAuthClients.fromEnvironment(environment, vendors);
    }

    @Bean
    @ConditionalOnMissingBean
    OAuthTokenClient oauthTokenClient(List<OAuthVendor> vendors, OAuthProperties properties) {
        return new OAuthTokenClient(vendors, vendorRequests(properties));
    }

    @Bean
    @ConditionalOnMissingBean
    TokenRevoker tokenRevoker(OAuthClients clients, OAuthProperties properties) {
        return new TokenRevoker(clients, RestClient.builder().requestFactory(vendorRequests(properties)).build(),
                properties.revocationUri());
    }

    @Bean
    @ConditionalOnBean(ConnectionStore.class)
    @ConditionalOnMissingBean(ConnectionAccess.class)
    RefreshingConnectionAccess refreshingConnectionAccess(ConnectionStore store, OAuthClients clients,
            OAuthTokenClient tokenClient, Clock clock, OAuthProperties properties) {
        return new RefreshingConnectionAccess(store, clients, tokenClient, clock, properties.refreshMargin());
    }

    /**
     * Notion's hosted MCP server, which wants tokens of its own authorization server: found from the configured
     * server URL, with the client registered there kept in the database.
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(name = NOTION_TRANSPORT, havingValue = "remote")
    static class NotionMcpAuthorization {

        @Bean
        @ConditionalOnMissingBean
        McpClientStore mcpClientStore(JdbcClient jdbc, TokenVault vault, Clock clock) {
            return new McpClientStore(jdbc, vault, clock);
        }

        @Bean
        NotionMcpOAuth notionMcpOAuth(Environment environment, McpClientStore store, OAuthProperties properties) {
            RestClient http = RestClient.builder().requestFactory(vendorRequests(properties)).build();
            return new NotionMcpOAuth(new McpClientRegistrations("notion", "Notion",
                    environment.getRequiredProperty("yarnnn.mcp.remote.servers.notion.url", URI.class),
                    environment.getRequiredProperty("spring.security.oauth2.client.registration.notion.redirect-uri"),
                    new ProtectedResourceDiscovery(http), new DynamicClientRegistrar(http), store));
        }
    }

    /** The same registrations for Boot's reactive OAuth client configuration, which otherwise binds its own. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(Mono.class)
    static class ReactiveRegistrations {

        @Bean
        @ConditionalOnMissingBean
        ReactiveClientRegistrationRepository reactiveClientRegistrations(OAuthClients clients) {
            return registrationId -> Mono.justOrEmpty(clients.findByRegistrationId(registrationId));
        }
    }

    static ClientHttpRequestFactory vendorRequests(OAuthProperties properties) {
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(properties.httpTimeout())
                .build());
        requests.setReadTimeout(properties.httpTimeout());
        return requests;
    }
}
