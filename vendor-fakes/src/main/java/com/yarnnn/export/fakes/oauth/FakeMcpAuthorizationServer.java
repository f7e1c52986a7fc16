package com.yarnnn.export.fakes.oauth;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.yarnnn.export.fakes.oauth.FakeOAuthServer.Request;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The authorization server of a hosted MCP server, as the MCP authorization specification (2025-06-18) has clients
 * use it, on 127.0.0.1: its metadata (RFC 8414), dynamic client registration (RFC 7591), an authorization endpoint
 * that approves at once as the configured workspace and redirects back with a code, a token endpoint for the
 * authorization code (PKCE S256 checked, {@code resource} of RFC 8707 required) and for refresh tokens (rotated: a
 * used one is refused), and revocation (RFC 7009). The access tokens it issues and revokes are told to the
 * {@link ResourceServer} that accepts them (the hosted MCP double). Every request is recorded whole.
 */
public final class FakeMcpAuthorizationServer implements AutoCloseable {

    /** The MCP server that accepts this server's access tokens. */
    public interface ResourceServer {

        void accept(String accessToken, String workspaceId);

        void revoke(String accessToken);
    }

    private record Client(String id, String secret, String authMethod, List<String> redirectUris) {
    }

    private record PendingCode(String clientId, String redirectUri, String challenge, String resource) {
    }

    private record Grant(String clientId, String accessToken, String refreshToken) {
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int ACCESS_TOKEN_SECONDS = 3600;

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final String resource;
    private final ResourceServer resourceServer;
    private final String workspaceId;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final Map<String, Client> clients = new ConcurrentHashMap<>();
    private final Map<String, PendingCode> codes = new ConcurrentHashMap<>();
    private final Map<String, Grant> grantsByRefreshToken = new ConcurrentHashMap<>();
    private final AtomicInteger issued = new AtomicInteger();
    private volatile String registrationRefusal;

    private FakeMcpAuthorizationServer(String resource, ResourceServer resourceServer, String workspaceId) {
        this.resource = resource;
        this.resourceServer = resourceServer;
        this.workspaceId = workspaceId;
        this.server = FakeOAuthServer.startOnLoopback(this::handle, executor);
    }

    /**
     * Starts the server for the MCP server at {@code resource}; the user who authorizes is taken to approve access
     * to {@code workspaceId}, which the tokens then reach.
     */
    public static FakeMcpAuthorizationServer start(String resource, ResourceServer resourceServer, String workspaceId) {
        return new FakeMcpAuthorizationServer(resource, resourceServer, workspaceId);
    }

    /** The issuer identifier, {@code http://127.0.0.1:<port>}. */
    public String issuer() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public List<Request> requests(String path) {
        return requests.stream().filter(r -> r.path().equals(path)).toList();
    }

    /** Every client registered so far, by client id. */
    public int registeredClients() {
        return clients.size();
    }

    /** Refuses every later registration with this RFC 7591 error code; null accepts them again. */
    public void refuseRegistrations(String error) {
        this.registrationRefusal = error;
    }

    /** Forgets every registered client, as an authorization server that dropped them: they get invalid_client. */
    public void forgetClients() {
        clients.clear();
    }

    /** Revokes every grant: its access token stops working and its refresh token gets invalid_grant. */
    public void revokeGrants() {
        grantsByRefreshToken.values().forEach(grant -> resourceServer.revoke(grant.accessToken()));
        grantsByRefreshToken.clear();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Request request = Request.read(exchange);
            requests.add(request);
            Answer answer = switch (request.path()) {
                case "/.well-known/oauth-authorization-server" -> Answer.json(200, metadata());
                case "/register" -> register(request);
                case "/authorize" -> authorize(request.query());
                case "/token" -> token(request);
                case "/revoke" -> revoke(request);
                default -> Answer.json(404, Map.of("error", "not_found"));
            };
            if (answer.location() != null) {
                exchange.getResponseHeaders().set("Location", answer.location());
            }
            byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", answer.contentType());
            exchange.getResponseHeaders().set("Cache-Control", "no-store");
            exchange.sendResponseHeaders(answer.status(), body.length == 0 ? -1 : body.length);
            exchange.getResponseBody().write(body);
        }
    }

    private Map<String, Object> metadata() {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("issuer", issuer());
        metadata.put("authorization_endpoint", issuer() + "/authorize");
        metadata.put("token_endpoint", issuer() + "/token");
        metadata.put("registration_endpoint", issuer() + "/register");
        metadata.put("revocation_endpoint", issuer() + "/revoke");
        metadata.put("response_types_supported", List.of("code"));
        metadata.put("grant_types_supported", List.of("authorization_code", "refresh_token"));
        metadata.put("code_challenge_methods_supported", List.of("S256"));
        metadata.put("token_endpoint_auth_methods_supported", List.of("none", "client_secret_basic",
                "client_secret_post"));
        return metadata;
    }

    private Answer register(Request request) {
        if (!"POST".equals(request.method())) {
            return Answer.json(405, Map.of("error", "invalid_request"));
        }
        if (registrationRefusal != null) {
            return Answer.json(400, Map.of("error", registrationRefusal,
                    "error_description", "Registration is not open to this client"));
        }
        JsonNode metadata = request.json();
        List<String> redirectUris = metadata.path("redirect_uris").valueStream().map(JsonNode::asString).toList();
        if (redirectUris.isEmpty()) {
            return Answer.json(400, Map.of("error", "invalid_redirect_uri",
                    "error_description", "redirect_uris is required"));
        }
        String authMethod = metadata.path("token_endpoint_auth_method").asString("client_secret_basic");
        String secret = "none".equals(authMethod) ? null : "mcp-client-secret-" + UUID.randomUUID();
        Client client = new Client("mcp-client-" + UUID.randomUUID(), secret, authMethod, redirectUris);
        clients.put(client.id(), client);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("client_id", client.id());
        if (secret != null) {
            answer.put("client_secret", secret);
            answer.put("client_secret_expires_at", 0);
        }
        answer.put("client_id_issued_at", System.currentTimeMillis() / 1000);
        answer.put("client_name", metadata.path("client_name").asString(""));
        answer.put("redirect_uris", redirectUris);
        answer.put("grant_types", List.of("authorization_code", "refresh_token"));
        answer.put("response_types", List.of("code"));
        answer.put("token_endpoint_auth_method", authMethod);
        return Answer.json(201, answer);
    }

    /** Approves at once, as the user would, and redirects back; a request it cannot trust is an error page. */
    private Answer authorize(Map<String, String> query) {
        Client client = clients.get(Objects.requireNonNullElse(query.get("client_id"), ""));
        String redirectUri = query.get("redirect_uri");
        if (client == null) {
            return Answer.text(400, "Unknown OAuth client");
        }
        if (redirectUri == null || !client.redirectUris().contains(redirectUri)) {
            return Answer.text(400, "Invalid redirect_uri for OAuth client");
        }
        String refusal = !"code".equals(query.get("response_type")) ? "unsupported_response_type"
                : query.get("code_challenge") == null || !"S256".equals(query.get("code_challenge_method"))
                        ? "invalid_request"
                        : !resource.equals(query.get("resource")) ? "invalid_target" : null;
        String state = query.get("state");
        if (refusal != null) {
            return Answer.redirect(redirectUri + "?error=" + refusal + stateParameter(state));
        }
        String code = "mcp-code-" + UUID.randomUUID();
        codes.put(code, new PendingCode(client.id(), redirectUri, query.get("code_challenge"), query.get("resource")));
        return Answer.redirect(redirectUri + "?code=" + code + stateParameter(state));
    }

    private Answer token(Request request) {
        Map<String, String> form = request.form();
        Client client = authenticated(request, form);
        if (client == null) {
            return Answer.json(401, Map.of("error", "invalid_client", "error_description", "Client authentication failed"));
        }
        if (!resource.equals(form.get("resource"))) {
            return Answer.json(400, Map.of("error", "invalid_target", "error_description", "Unknown resource"));
        }
        return switch (Objects.requireNonNullElse(form.get("grant_type"), "")) {
            case "authorization_code" -> exchange(client, form);
            case "refresh_token" -> refresh(client, form);
            default -> Answer.json(400, Map.of("error", "unsupported_grant_type"));
        };
    }

    private Answer exchange(Client client, Map<String, String> form) {
        PendingCode pending = codes.remove(Objects.requireNonNullElse(form.get("code"), ""));
        if (pending == null || !pending.clientId().equals(client.id())
                || !pending.redirectUri().equals(form.get("redirect_uri"))
                || !pending.resource().equals(form.get("resource"))) {
            return Answer.json(400, Map.of("error", "invalid_grant", "error_description", "Invalid authorization code"));
        }
        String verifier = form.get("code_verifier");
        if (verifier == null || !pending.challenge().equals(s256(verifier))) {
            return Answer.json(400, Map.of("error", "invalid_grant", "error_description", "PKCE verification failed"));
        }
        return Answer.json(200, issue(client));
    }

    private Answer refresh(Client client, Map<String, String> form) {
        Grant grant = grantsByRefreshToken.remove(Objects.requireNonNullElse(form.get("refresh_token"), ""));
        if (grant == null || !grant.clientId().equals(client.id())) {
            return Answer.json(400, Map.of("error", "invalid_grant", "error_description", "Invalid refresh token"));
        }
        resourceServer.revoke(grant.accessToken());
        return Answer.json(200, issue(client));
    }

    private Map<String, Object> issue(Client client) {
        int n = issued.incrementAndGet();
        Grant grant = new Grant(client.id(), "mcp-access-" + n + "-" + UUID.randomUUID(),
                "mcp-refresh-" + n + "-" + UUID.randomUUID());
        grantsByRefreshToken.put(grant.refreshToken(), grant);
        resourceServer.accept(grant.accessToken(), workspaceId);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("access_token", grant.accessToken());
        answer.put("token_type", "bearer");
        answer.put("expires_in", ACCESS_TOKEN_SECONDS);
        answer.put("refresh_token", grant.refreshToken());
        return answer;
    }

    private Answer revoke(Request request) {
        Map<String, String> form = request.form();
        if (authenticated(request, form) == null) {
            return Answer.json(401, Map.of("error", "invalid_client"));
        }
        String token = Objects.requireNonNullElse(form.get("token"), "");
        grantsByRefreshToken.values().removeIf(grant -> {
            boolean revoked = grant.refreshToken().equals(token) || grant.accessToken().equals(token);
            if (revoked) {
                resourceServer.revoke(grant.accessToken());
            }
            return revoked;
        });
        return Answer.json(200, Map.of());
    }

    /** The client the request authenticates as, by its auth method; null when it does not. */
    private Client authenticated(Request request, Map<String, String> form) {
        String basic = request.basicCredentials();
        String clientId = basic != null ? basic.split(":", 2)[0] : form.get("client_id");
        Client client = clientId == null ? null : clients.get(clientId);
        if (client == null) {
            return null;
        }
        return switch (client.authMethod()) {
            case "none" -> client;
            case "client_secret_post" -> client.secret().equals(form.get("client_secret")) ? client : null;
            default -> basic != null && basic.equals(client.id() + ":" + client.secret()) ? client : null;
        };
    }

    private static String stateParameter(String state) {
        return state == null ? "" : "&state=" + URLEncoder.encode(state, StandardCharsets.UTF_8);
    }

    static String s256(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private record Answer(int status, String contentType, String body, String location) {

        static Answer json(int status, Object body) {
            return new Answer(status, "application/json; charset=utf-8", JSON.writeValueAsString(body), null);
        }

        static Answer text(int status, String body) {
            return new Answer(status, "text/plain; charset=utf-8", body, null);
        }

        static Answer redirect(String location) {
            return new Answer(302, "text/plain; charset=utf-8", "", location);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
