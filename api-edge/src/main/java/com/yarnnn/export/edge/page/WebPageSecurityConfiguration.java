package com.yarnnn.export.edge.page;

import static org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher.pathPattern;

import java.util.stream.Stream;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * The page itself is public (it holds no data: everything it shows comes from the API with the user's bearer token),
 * and so is the dev login route, which exists only in dev mode. A strict content security policy: the page loads
 * nothing but its own scripts and styles and talks only to this server. Caching is left to the page's routes
 * (revalidated) and the static resources (hashed names, cached for good).
 */
@Configuration
class WebPageSecurityConfiguration {

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
            + "frame-ancestors 'none'";

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    SecurityFilterChain webPageSecurity(HttpSecurity http) {
        return http
                .securityMatcher(publicRoutes())
                .authorizeHttpRequests(routes -> routes.anyRequest().permitAll())
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .cacheControl(HeadersConfigurer.CacheControlConfig::disable))
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(AbstractHttpConfigurer::disable)
                .build();
    }

    /** {@link WebPageController}'s routes, its scripts and styles, and the dev login. */
    private static RequestMatcher publicRoutes() {
        Stream<RequestMatcher> page = Stream.of("/", "/sign-in", "/settings/integrations", "/deliverables/*", "/ops",
                "/assets/**").map(route -> pathPattern(HttpMethod.GET, route));
        return new OrRequestMatcher(Stream.concat(page, Stream.of(pathPattern(HttpMethod.POST, "/api/dev/login")))
                .toList());
    }
}
