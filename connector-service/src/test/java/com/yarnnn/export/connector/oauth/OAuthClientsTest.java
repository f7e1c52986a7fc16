package com.yarnnn.export.connector.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.support.ResourcePropertySource;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;

/** The shipped defaults: the vendors' endpoints and scopes, and only the apps that have a client id. */
class OAuthClientsTest {

    private final MockEnvironment environment = new MockEnvironment();

    OAuthClientsTest() throws IOException {
        environment.getPropertySources().addLast(new ResourcePropertySource("classpath:pipeline-defaults.properties"));
    }

    @Test
    void withoutClientIdsNothingIsConnectableAndNothingFails() {
        OAuthClients clients = OAuthClients.fromEnvironment(environment, VendorApps.VENDORS);

        assertThat(clients.isVendor("slack")).isTrue();
        assertThat(clients.isConfigured("slack")).isFalse();
        assertThat(clients.isConfigured("notion")).isFalse();
        assertThat(clients.isConfigured("gmail")).isFalse();
        assertThat(clients.findByRegistrationId("slack")).isNull();
    }

    @Test
    void anAppWithAClientIdIsConfiguredWithTheVendorsEndpointsAndMinimalScopes() {
        environment.setProperty("SLACK_CLIENT_ID", "111.222");
        environment.setProperty("SLACK_CLIENT_SECRET", "s");
        environment.setProperty("GOOGLE_CLIENT_ID", "g.apps.googleusercontent.com");
        environment.setProperty("GOOGLE_CLIENT_SECRET", "s");
        environment.setProperty("YARNNN_PUBLIC_BASE_URL", "https://app.yarnnn.com");

        OAuthClients clients = OAuthClients.fromEnvironment(environment, VendorApps.VENDORS);

        assertThat(clients.isConfigured("notion")).isFalse();
        ClientRegistration slack = clients.find("slack").orElseThrow().registration();
        assertThat(slack.getClientId()).isEqualTo("111.222");
        assertThat(slack.getClientAuthenticationMethod()).isEqualTo(ClientAuthenticationMethod.CLIENT_SECRET_POST);
        assertThat(slack.getScopes()).containsExactlyInAnyOrder("chat:write", "channels:read", "groups:read");
        assertThat(slack.getRedirectUri()).isEqualTo("https://app.yarnnn.com/api/integrations/slack/oauth/callback");
        assertThat(slack.getProviderDetails().getAuthorizationUri()).isEqualTo("https://slack.com/oauth/v2/authorize");
        assertThat(slack.getProviderDetails().getTokenUri()).isEqualTo("https://slack.com/api/oauth.v2.access");
        ClientRegistration gmail = clients.find("gmail").orElseThrow().registration();
        assertThat(gmail.getScopes()).containsExactlyInAnyOrder("openid", "email",
                "https://www.googleapis.com/auth/gmail.send");
        assertThat(gmail.getProviderDetails().getAuthorizationUri())
                .isEqualTo("https://accounts.google.com/o/oauth2/v2/auth?access_type=offline&prompt=consent");
        assertThat(gmail.getProviderDetails().getTokenUri()).isEqualTo("https://oauth2.googleapis.com/token");
        assertThat(clients.displayName("gmail")).isEqualTo("Gmail");
    }
}
