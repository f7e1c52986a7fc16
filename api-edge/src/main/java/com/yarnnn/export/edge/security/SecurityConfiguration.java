package com.yarnnn.export.edge.security;

import java.time.Clock;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.servlet.HandlerExceptionResolver;

/**
 * Every route needs an HS256 bearer JWT except the health check, the Prometheus scrape (operators keep it on the
 * private network) and the OAuth callbacks (the browser arrives there from the vendor; the signed state says whose
 * authorization it is); the operators' routes also need the role {@code operator} in the token's {@code roles}
 * claim. No sessions, so no CSRF.
 */
@Configuration
class SecurityConfiguration {

    /** Checks the signing secret before any bean is created, so that a missing one is the first failure told. */
    @Bean
    static BeanFactoryPostProcessor jwtSecretCheck(Environment environment) {
        return beanFactory -> Binder.get(environment).bindOrCreate("yarnnn.auth", AuthProperties.class);
    }

    @Bean
    SecurityFilterChain apiSecurity(HttpSecurity http, ProblemAuthenticationEntryPoint entryPoint) {
        return http
                .authorizeHttpRequests(routes -> routes
                        .requestMatchers(HttpMethod.GET, "/actuator/health", "/actuator/health/**", "/actuator/prometheus")
                        .permitAll()
                        .requestMatchers(HttpMethod.GET, "/api/integrations/*/oauth/callback").permitAll()
                        .requestMatchers("/error").permitAll()
                        .requestMatchers("/api/ops/**").hasRole("operator")
                        .anyRequest().authenticated())
                .oauth2ResourceServer(server -> server
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(rolesClaim()))
                        .authenticationEntryPoint(entryPoint))
                .exceptionHandling(failures -> failures.authenticationEntryPoint(entryPoint).accessDeniedHandler(entryPoint))
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(AbstractHttpConfigurer::disable)
                .build();
    }

    private static JwtAuthenticationConverter rolesClaim() {
        JwtGrantedAuthoritiesConverter roles = new JwtGrantedAuthoritiesConverter();
        roles.setAuthoritiesClaimName("roles");
        roles.setAuthorityPrefix("ROLE_");
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(roles);
        return converter;
    }

    @Bean
    ProblemAuthenticationEntryPoint problemAuthenticationEntryPoint(
            @Qualifier("handlerExceptionResolver") HandlerExceptionResolver resolver) {
        return new ProblemAuthenticationEntryPoint(resolver);
    }

    @Bean
    JwtDecoder jwtDecoder(AuthProperties auth, Clock clock) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withSecretKey(auth.signingKey())
                .macAlgorithm(MacAlgorithm.HS256)
                .build();
        JwtTimestampValidator notExpired = new JwtTimestampValidator();
        notExpired.setClock(clock);
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(notExpired, new UserTokenValidator()));
        return decoder;
    }
}
