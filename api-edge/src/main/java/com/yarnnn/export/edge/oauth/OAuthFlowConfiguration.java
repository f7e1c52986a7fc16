package com.yarnnn.export.edge.oauth;

import com.yarnnn.export.connector.connection.ConnectionStore;
import com.yarnnn.export.connector.oauth.OAuthClients;
import com.yarnnn.export.connector.oauth.OAuthTokenClient;
import com.yarnnn.export.edge.security.AuthProperties;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.StringUtils;

/** The connect flow's beans; the state key comes from its own secret, else from the bearer tokens' secret. */
@Configuration
class OAuthFlowConfiguration {

    @Bean
    OAuthStates oauthStates(JdbcClient jdbc, OAuthFlowProperties properties, AuthProperties auth, Clock clock) {
        String secret = StringUtils.hasText(properties.stateSecret()) ? properties.stateSecret() : auth.jwtSecret();
        return new OAuthStates(jdbc, new OAuthStateCodec(secret), clock, properties.stateTtl());
    }

    @Bean
    OAuthFlow oauthFlow(OAuthClients clients, OAuthStates states, OAuthTokenClient tokens, ConnectionStore connections,
            OAuthFlowProperties properties, Clock clock) {
        return new OAuthFlow(clients, states, tokens, connections, new SettingsPage(properties.settingsUrl()), clock);
    }
}
