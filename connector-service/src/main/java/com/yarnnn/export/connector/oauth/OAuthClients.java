package com.yarnnn.export.connector.oauth;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.security.oauth2.client.autoconfigure.OAuth2ClientProperties;
import org.springframework.boot.security.oauth2.client.autoconfigure.OAuth2ClientPropertiesMapper;
import org.springframework.core.env.Environment;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.util.StringUtils;

/**
 * The vendors' OAuth apps, from Spring Security's {@code spring.security.oauth2.client.*} properties. A
 * registration without a client id is left out (its vendor is not connectable) instead of failing start-up as
 * Boot's own repository would; being a {@link ClientRegistrationRepository}, this one replaces Boot's.
 */
public class OAuthClients implements ClientRegistrationRepository {

    private static final Logger log = LoggerFactory.getLogger(OAuthClients.class);

    private final Map<String, OAuthVendor> vendors;
    private final Map<String, OAuthClient> configured;

    OAuthClients(Collection<OAuthVendor> vendors, Map<String, ClientRegistration> registrations) {
        this.vendors = vendors.stream().collect(Collectors.toUnmodifiableMap(OAuthVendor::providerId,
                Function.identity()));
        this.configured = registrations.entrySet().stream()
                .filter(registration -> this.vendors.containsKey(registration.getKey())
                        && !(this.vendors.get(registration.getKey()) instanceof RuntimeRegisteredVendor))
                .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey,
                        registration -> new OAuthClient(this.vendors.get(registration.getKey()), registration.getValue())));
    }

    /** The registrations with a client id in the environment. */
    public static OAuthClients fromEnvironment(Environment environment, Collection<OAuthVendor> vendors) {
        OAuth2ClientProperties properties = Binder.get(environment)
                .bind("spring.security.oauth2.client", OAuth2ClientProperties.class)
                .orElseGet(OAuth2ClientProperties::new);
        properties.getRegistration().values().removeIf(registration -> !StringUtils.hasText(registration.getClientId()));
        OAuthClients clients = new OAuthClients(vendors, new OAuth2ClientPropertiesMapper(properties).asClientRegistrations());
        log.info("OAuth apps configured: {}; registered at runtime (MCP authorization): {}; not configured (no client id): {}",
                clients.configured.keySet().stream().sorted().toList(),
                vendors.stream().filter(RuntimeRegisteredVendor.class::isInstance).map(OAuthVendor::providerId).sorted().toList(),
                vendors.stream().map(OAuthVendor::providerId).filter(id -> !clients.isConfigured(id)).sorted().toList());
        return clients;
    }

    /**
     * The vendor's configured OAuth app, or the client it registered at runtime.
     *
     * @throws McpAuthorizationException when a client registered at runtime could not be discovered or registered
     */
    public Optional<OAuthClient> find(String providerId) {
        if (providerId != null && vendors.get(providerId) instanceof RuntimeRegisteredVendor runtime) {
            return Optional.of(new OAuthClient(runtime, runtime.registration()));
        }
        return Optional.ofNullable(providerId).map(configured::get);
    }

    /** Whether the provider is connected through OAuth here, configured or not. */
    public boolean isVendor(String providerId) {
        return providerId != null && vendors.containsKey(providerId);
    }

    /** Whether the provider can be connected: its app is configured, or it registers its client at runtime. */
    public boolean isConfigured(String providerId) {
        return providerId != null && (configured.containsKey(providerId)
                || vendors.get(providerId) instanceof RuntimeRegisteredVendor);
    }

    /** How the product names the provider; its id when no vendor knows it. */
    public String displayName(String providerId) {
        OAuthVendor vendor = providerId != null ? vendors.get(providerId) : null;
        return vendor != null ? vendor.displayName() : providerId;
    }

    @Override
    public ClientRegistration findByRegistrationId(String registrationId) {
        return find(registrationId).map(OAuthClient::registration).orElse(null);
    }
}
