package com.yarnnn.export.edge.mcp;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.AuthenticationManagerResolver;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.OAuth2ProtectedResourceMetadata;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;
import org.springframework.security.web.SecurityFilterChain;

/**
 * {@code /mcp} as the MCP specification asks of a protected resource: the same bearer JWTs as the HTTP API, and
 * only those whose audience is this resource (RFC 8707), so a token issued for another service is refused; a 401
 * names the resource metadata ({@link McpChallenge}), which anyone may read.
 */
@Configuration(proxyBeanMethods = false)
class McpSecurityConfiguration {

    @Bean
    @Order(1)
    SecurityFilterChain mcpSecurity(HttpSecurity http, McpResource resource, JwtDecoder decoder,
            McpChallenge challenge, McpProperties properties) throws Exception {
        return http
                .securityMatcher(McpResource.PATH, McpResource.METADATA_PATH, McpResource.METADATA_PATH + "/**")
                .authorizeHttpRequests(routes -> routes
                        .requestMatchers(HttpMethod.GET, McpResource.METADATA_PATH, McpResource.METADATA_PATH + "/**")
                        .permitAll()
                        .anyRequest().authenticated())
                .oauth2ResourceServer(server -> server
                        .authenticationManagerResolver(audienceChecking(resource, decoder))
                        .protectedResourceMetadata(metadata -> metadata
                                .protectedResourceMetadataCustomizer(document -> describe(document, properties)))
                        .authenticationEntryPoint(challenge))
                .exceptionHandling(failures -> failures.authenticationEntryPoint(challenge))
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(AbstractHttpConfigurer::disable)
                .build();
    }

    /**
     * The metadata Spring Security serves at {@code /.well-known/oauth-protected-resource/mcp} (RFC 9728): the
     * resource (the URL asked about, unless configured), the authorization servers and scopes configured.
     */
    private static void describe(OAuth2ProtectedResourceMetadata.Builder document, McpProperties properties) {
        if (properties.resourceUrl() != null) {
            document.resource(properties.resourceUrl().toString());
        }
        properties.authorizationServers().forEach(server -> document.authorizationServer(server.toString()));
        properties.scopes().forEach(document::scope);
        document.resourceName("YARNNN exports").tlsClientCertificateBoundAccessTokens(false);
    }

    /** One authentication manager per resource identifier the endpoint is reached by (one, unless configured). */
    private static AuthenticationManagerResolver<HttpServletRequest> audienceChecking(McpResource resource,
            JwtDecoder decoder) {
        LoadingCache<String, AuthenticationManager> managers = Caffeine.newBuilder()
                .maximumSize(16)
                .build(identifier -> new ProviderManager(
                        new JwtAuthenticationProvider(new AudienceCheckingDecoder(decoder, identifier))));
        return request -> managers.get(resource.identifier(request));
    }
}
