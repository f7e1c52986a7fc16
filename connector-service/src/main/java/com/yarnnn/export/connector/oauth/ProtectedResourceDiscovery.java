package com.yarnnn.export.connector.oauth;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * Finds the authorization server of a hosted MCP server as the MCP authorization specification (2025-06-18) has
 * clients do: the server's 401 names its protected-resource metadata ({@code WWW-Authenticate: Bearer
 * resource_metadata="…"}, RFC 9728 section 5.1), else the metadata is read at the well-known URI RFC 9728 derives
 * from the server's URL; the metadata names the authorization server, whose own metadata (RFC 8414) Spring
 * Security's {@link ClientRegistrations} reads and checks (the issuer must match).
 */
class ProtectedResourceDiscovery {

    private static final String WELL_KNOWN = "/.well-known/oauth-protected-resource";
    private static final Pattern RESOURCE_METADATA = Pattern.compile("resource_metadata=\"([^\"]+)\"");
    private static final ParameterizedTypeReference<Map<String, Object>> JSON_OBJECT = new ParameterizedTypeReference<>() {
    };

    private final RestClient http;

    ProtectedResourceDiscovery(RestClient http) {
        this.http = http;
    }

    /** @throws RestClientException or {@link IllegalArgumentException} when any step fails */
    McpAuthorizationServer discover(URI resource) {
        Map<String, Object> metadata = challengeMetadata(resource)
                .or(() -> wellKnownMetadata(resource))
                .orElseThrow(() -> new IllegalArgumentException("no protected-resource metadata for " + resource));
        if (!resource.toString().equals(metadata.get("resource"))) {
            throw new IllegalArgumentException("the protected-resource metadata is for another resource");
        }
        if (!(metadata.get("authorization_servers") instanceof List<?> servers) || servers.isEmpty()) {
            throw new IllegalArgumentException("the protected-resource metadata names no authorization server");
        }
        String issuer = servers.get(0).toString();
        ClientRegistration provider = ClientRegistrations.fromIssuerLocation(issuer)
                .registrationId("discovery").clientId("discovery").build();
        ClientRegistration.ProviderDetails details = provider.getProviderDetails();
        Map<String, Object> serverMetadata = details.getConfigurationMetadata();
        return new McpAuthorizationServer(resource, issuer, URI.create(details.getAuthorizationUri()),
                URI.create(details.getTokenUri()), uri(serverMetadata.get("registration_endpoint")),
                uri(serverMetadata.get("revocation_endpoint")));
    }

    /** The metadata the server's challenge to an unauthenticated request points at. */
    private Optional<Map<String, Object>> challengeMetadata(URI resource) {
        Optional<String> location = http.post().uri(resource)
                .contentType(MediaType.APPLICATION_JSON)
                .accept(MediaType.APPLICATION_JSON, MediaType.TEXT_EVENT_STREAM)
                .body("{\"jsonrpc\":\"2.0\",\"id\":0,\"method\":\"ping\"}")
                .exchange((request, response) -> response.getStatusCode().value() == 401
                        ? Optional.ofNullable(response.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE))
                                .map(RESOURCE_METADATA::matcher).filter(Matcher::find).map(m -> m.group(1))
                        : Optional.<String>empty());
        return location.flatMap(url -> read(URI.create(url)));
    }

    /** RFC 9728 section 3.1: the well-known segment between the host and the path, then at the root. */
    private Optional<Map<String, Object>> wellKnownMetadata(URI resource) {
        URI origin = resource.resolve("/");
        String path = resource.getPath() == null || "/".equals(resource.getPath()) ? "" : resource.getPath();
        return read(origin.resolve(WELL_KNOWN + path)).or(() -> read(origin.resolve(WELL_KNOWN)));
    }

    private Optional<Map<String, Object>> read(URI metadata) {
        try {
            return Optional.ofNullable(http.get().uri(metadata).accept(MediaType.APPLICATION_JSON).retrieve()
                    .body(JSON_OBJECT));
        } catch (RestClientException e) {
            return Optional.empty();
        }
    }

    private static URI uri(Object value) {
        return value != null ? URI.create(value.toString()) : null;
    }
}
