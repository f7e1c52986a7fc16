package com.yarnnn.export.connector.oauth;

import com.yarnnn.export.connector.testing.OAuthTestApps;
import com.yarnnn.export.fakes.oauth.FakeOAuthServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import org.springframework.core.io.support.ResourcePropertySource;
import org.springframework.mock.env.MockEnvironment;

/** The OAuth beans as the auto-configuration makes them, from the shipped defaults pointed at a fake vendor. */
final class VendorApps {

    static final List<OAuthVendor> VENDORS = List.of(new SlackOAuth(), new NotionOAuth(), new GoogleOAuth());

    private VendorApps() {
    }

    static OAuthClients clients(FakeOAuthServer vendor) {
        MockEnvironment environment = new MockEnvironment();
        try {
            environment.getPropertySources().addLast(new ResourcePropertySource("classpath:pipeline-defaults.properties"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        OAuthTestApps.properties(vendor).forEach(environment::setProperty);
        return OAuthClients.fromEnvironment(environment, VENDORS);
    }

    static OAuthTokenClient tokenClient() {
        return new OAuthTokenClient(VENDORS, OAuthAutoConfiguration.vendorRequests(
                new OAuthProperties(Duration.ofMinutes(2), Duration.ofSeconds(10), null)));
    }
}
