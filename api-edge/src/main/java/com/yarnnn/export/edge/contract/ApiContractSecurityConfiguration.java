package com.yarnnn.export.edge.contract;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The contract and its Swagger UI page are readable without a token: they describe routes whose code is public
 * and hold no data or secret, and reading them acts on nothing (only GET is let through; trying a route from the
 * page still needs a token). A deployment that wants them hidden sets {@code springdoc.api-docs.enabled=false} and
 * {@code springdoc.swagger-ui.enabled=false}. The page's own security policy is too strict for Swagger UI's inline
 * styles, so this chain sets one that allows them, and nothing else from elsewhere.
 */
@Configuration(proxyBeanMethods = false)
class ApiContractSecurityConfiguration {

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; object-src 'none'; "
            + "base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    @Bean
    @Order(2)
    SecurityFilterChain apiContractSecurity(HttpSecurity http) {
        return http
                .securityMatcher("/v3/api-docs", "/v3/api-docs/**", "/v3/api-docs.yaml", "/swagger-ui.html",
                        "/swagger-ui/**")
                .authorizeHttpRequests(routes -> routes.requestMatchers(HttpMethod.GET).permitAll()
                        .anyRequest().denyAll())
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY)))
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(AbstractHttpConfigurer::disable)
                .build();
    }
}
