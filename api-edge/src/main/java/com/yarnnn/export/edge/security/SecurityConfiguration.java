package com.yarnnn.export.edge.security;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.MappedJwtClaimSetConverter;
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

    /** @param moreChecks the token validators other parts contribute (a revoked user's tokens are refused) */
    @Bean
    JwtDecoder jwtDecoder(AuthProperties auth, Clock clock, List<OAuth2TokenValidator<Jwt>> moreChecks) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withSecretKey(auth.signingKey())
                .macAlgorithm(MacAlgorithm.HS256)
                .build();
        decoder.setClaimSetConverter(withoutInventedIssueTime());
        JwtTimestampValidator notExpired = new JwtTimestampValidator();
        notExpired.setClock(clock);
        List<OAuth2TokenValidator<Jwt>> checks = new ArrayList<>(List.of(notExpired, new UserTokenValidator()));
        checks.addAll(moreChecks);
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(checks));
        return decoder;
    }

    /**
     * Spring's claim conversion gives a token without {@code iat} the issue time {@code exp} - 1 s; a revoked user's
     * token must not seem that new, so the issue time stays unknown.
     */
    private static Converter<Map<String, Object>, Map<String, Object>> withoutInventedIssueTime() {
        MappedJwtClaimSetConverter defaults = MappedJwtClaimSetConverter.withDefaults(Map.of());
        return claims -> {
            Map<String, Object> converted = defaults.convert(claims);
            if (!claims.containsKey(JwtClaimNames.IAT)) {
                converted.remove(JwtClaimNames.IAT);
            }
            return converted;
        };
    }
}
