package com.yarnnn.export.localstack;

import static com.yarnnn.export.connector.testing.OAuthTestApps.GOOGLE_CLIENT_ID;
import static com.yarnnn.export.connector.testing.OAuthTestApps.GOOGLE_CLIENT_SECRET;
import static com.yarnnn.export.connector.testing.OAuthTestApps.GOOGLE_TOKEN_PATH;
import static com.yarnnn.export.connector.testing.OAuthTestApps.NOTION_CLIENT_ID;
import static com.yarnnn.export.connector.testing.OAuthTestApps.NOTION_CLIENT_SECRET;
import static com.yarnnn.export.connector.testing.OAuthTestApps.NOTION_TOKEN_PATH;
import static com.yarnnn.export.connector.testing.OAuthTestApps.SLACK_CLIENT_ID;
import static com.yarnnn.export.connector.testing.OAuthTestApps.SLACK_CLIENT_SECRET;
import static com.yarnnn.export.connector.testing.OAuthTestApps.SLACK_TOKEN_PATH;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.yarnnn.export.connector.testing.OAuthTestApps;
import com.yarnnn.export.fakes.oauth.FakeOAuthServer;
import com.yarnnn.export.infra.DatabaseEndpoint;
import com.yarnnn.export.infra.Infrastructure;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import tools.jackson.databind.JsonNode;

/**
 * api-edge and export-consumer as docs/configuration.md's deployment section runs them: their executable jars as two
 * processes, in a working directory that is not the repository (so a relative default would show), configured only
 * by the environment variables of the README's Configuration table, all of them set, on a database created for
 * them. api-edge applies the changelog; export-consumer runs with {@code SPRING_LIQUIBASE_ENABLED=false} as a user
 * without DDL rights, docs/configuration.md's alternative to giving both DDL rights.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DeployablesFromEnvironmentTest {

    private static final Path EDGE_JAR = Path.of(System.getProperty("yarnnn.api-edge.jar"));
    private static final Path CONSUMER_JAR = Path.of(System.getProperty("yarnnn.export-consumer.jar"));
    private static final Path README = Path.of(System.getProperty("yarnnn.readme"));
    private static final String PUBLIC_BASE_URL = "https://exports.example.com";
    private static final String CONSUMER_USER = "export_consumer_" + UUID.randomUUID().toString().substring(0, 8);

    private static final Vendor SLACK = new Vendor("slack", SLACK_CLIENT_ID, SLACK_CLIENT_SECRET, SLACK_TOKEN_PATH, """
            {"ok":true,"access_token":"xoxb-deployed-4f1e","token_type":"bot","scope":"chat:write",
             "bot_user_id":"U0KRQLJ9H","app_id":"A0KRD7HC3","team":{"name":"Acme","id":"T9TK3CUKW"}}""");
    private static final Vendor NOTION = new Vendor("notion", NOTION_CLIENT_ID, NOTION_CLIENT_SECRET, NOTION_TOKEN_PATH,
            """
            {"access_token":"ntn_deployed-51c2","token_type":"bearer","bot_id":"b7a8c9d0-0000-4000-8000-000000000001",
             "workspace_id":"0f1e2d3c-0000-4000-8000-000000000002","workspace_name":"Acme Wiki",
             "owner":{"type":"user","user":{"object":"user","id":"u-1"}}}""");
    private static final Vendor GMAIL = new Vendor("gmail", GOOGLE_CLIENT_ID, GOOGLE_CLIENT_SECRET, GOOGLE_TOKEN_PATH,
            "{\"access_token\":\"ya29.deployed-e3f0\",\"expires_in\":3599,\"refresh_token\":\"1//deployed-a8c6\","
                    + "\"scope\":\"openid https://www.googleapis.com/auth/gmail.send\",\"token_type\":\"Bearer\","
                    + "\"id_token\":\"" + OAuthTestApps.googleIdToken("ann@example.com") + "\"}");

    /** A vendor's OAuth app as the environment configures it, and what its fake token endpoint answers. */
    private record Vendor(String provider, String clientId, String clientSecret, String tokenPath, String tokenAnswer) {
    }

    @TempDir
    static Path workingDirectory;
    @TempDir
    static Path exportDir;

    static Map<String, String> environment;
    static Map<String, String> edgeEnvironment;
    static Map<String, String> consumerEnvironment;
    static FakeOAuthServer vendors;
    static DeployableProcess edge;
    static DeployableProcess consumer;
    static int edgePort;
    static int consumerPort;
    static JdbcClient jdbc;
    static StackClient client;

    @BeforeAll
    static void start() throws Exception {
        assertThat(List.of(EDGE_JAR, CONSUMER_JAR)).as("the executable jars: build with ./mvnw install")
                .allSatisfy(jar -> assertThat(jar).isRegularFile());
        // kept after the run (a CI's artifacts), unlike a temporary directory
        Path logs = Files.createDirectories(Path.of("target", "deployables-from-environment"));
        vendors = FakeOAuthServer.start();
        Stream.of(SLACK, NOTION, GMAIL).forEach(vendor -> vendors.answer(vendor.tokenPath(),
                request -> FakeOAuthServer.Response.json(vendor.tokenAnswer())));
        Infrastructure infrastructure = Infrastructure.forTests();
        DatabaseEndpoint owner = infrastructure.database();
        String databaseUrl = createDatabase(owner);
        environment = sharedEnvironment(infrastructure, databaseUrl);

        edgePort = DeployableProcess.freePort();
        edgeEnvironment = new HashMap<>(environment);
        edgeEnvironment.put("PORT", String.valueOf(edgePort));
        edgeEnvironment.put("MANAGEMENT_PORT", String.valueOf(DeployableProcess.freePort()));
        // the vendors' token endpoints are not in the table: a property each, on the command line
        edge = DeployableProcess.start("api-edge", EDGE_JAR, workingDirectory, edgeEnvironment, List.of(
                "--spring.security.oauth2.client.provider.slack.token-uri=" + vendors.url(SLACK_TOKEN_PATH),
                "--spring.security.oauth2.client.provider.notion.token-uri=" + vendors.url(NOTION_TOKEN_PATH),
                "--spring.security.oauth2.client.provider.google.token-uri=" + vendors.url(GOOGLE_TOKEN_PATH)), logs);
        // the consumer's user gets rights on the tables, which api-edge creates as it starts
        edge.awaitHealthy();

        jdbc = JdbcClient.create(new DriverManagerDataSource(databaseUrl, owner.username(), owner.password()));
        consumerPort = DeployableProcess.freePort();
        consumerEnvironment = new HashMap<>(environment);
        consumerEnvironment.put("DATABASE_USERNAME", CONSUMER_USER);
        consumerEnvironment.put("DATABASE_PASSWORD", grantDataAccessOnly());
        consumerEnvironment.put("SPRING_LIQUIBASE_ENABLED", "false");
        consumerEnvironment.put("PORT", String.valueOf(consumerPort));
        consumerEnvironment.put("MANAGEMENT_PORT", String.valueOf(DeployableProcess.freePort()));
        consumer = DeployableProcess.start("export-consumer", CONSUMER_JAR, workingDirectory, consumerEnvironment,
                List.of(), logs);
        consumer.awaitHealthy();

        client = new StackClient("http://localhost:" + edgePort, environment.get("YARNNN_JWT_SECRET"),
                UUID.randomUUID());
    }

    /** The table's variables both deployables take alike; paths absolute, as the README recommends. */
    private static Map<String, String> sharedEnvironment(Infrastructure infrastructure, String databaseUrl) {
        Map<String, String> shared = new LinkedHashMap<>();
        shared.put("KAFKA_BOOTSTRAP_SERVERS", infrastructure.kafka().bootstrapServers());
        shared.put("DATABASE_URL", databaseUrl);
        shared.put("DATABASE_USERNAME", infrastructure.database().username());
        shared.put("DATABASE_PASSWORD", infrastructure.database().password());
        shared.put("SPRING_LIQUIBASE_ENABLED", "true");
        shared.put("YARNNN_JWT_SECRET", random(32));
        shared.put("YARNNN_VAULT_KEYS", "k1:" + random(32) + ",k2:" + random(32));
        shared.put("YARNNN_VAULT_ACTIVE_KEY_ID", "k2");
        shared.put("YARNNN_EXPORT_DIR", exportDir.toString());
        shared.put("YARNNN_MCP_DIR", Path.of(System.getProperty("yarnnn.mcp.servers-dir")).toAbsolutePath()
                .normalize().toString());
        shared.put("YARNNN_PUBLIC_BASE_URL", PUBLIC_BASE_URL);
        shared.put("SLACK_CLIENT_ID", SLACK_CLIENT_ID);
        shared.put("SLACK_CLIENT_SECRET", SLACK_CLIENT_SECRET);
        shared.put("NOTION_CLIENT_ID", NOTION_CLIENT_ID);
        shared.put("NOTION_CLIENT_SECRET", NOTION_CLIENT_SECRET);
        shared.put("GOOGLE_CLIENT_ID", GOOGLE_CLIENT_ID);
        shared.put("GOOGLE_CLIENT_SECRET", GOOGLE_CLIENT_SECRET);
        shared.put("YARNNN_OAUTH_STATE_SECRET", random(32));
        return shared;
    }

    @AfterAll
    static void stop() throws Exception {
        for (AutoCloseable running : new AutoCloseable[] {consumer, edge, vendors}) {
            if (running != null) {
                running.close();
            }
        }
    }

    @Test
    @Order(1)
    void eachIsStartedWithEveryVariableOfTheReadmesConfigurationTable() throws Exception {
        Set<String> documented = readmeVariables();

        assertThat(documented).contains("KAFKA_BOOTSTRAP_SERVERS", "YARNNN_MCP_DIR", "MANAGEMENT_PORT");
        assertThat(edgeEnvironment.keySet()).containsExactlyInAnyOrderElementsOf(documented);
        assertThat(consumerEnvironment.keySet()).containsExactlyInAnyOrderElementsOf(documented);
    }

    @Test
    @Order(2)
    void eachIsHealthyWithTheApplicationOnPortAndTheActuatorOnManagementPort() {
        assertThat(List.of(edge.health(), consumer.health())).containsOnly("UP");
        assertThat(client.get("/api/integrations/available").status()).isEqualTo(200);
        // export-consumer's own port serves nothing once the actuator has moved: but it listens there
        assertThat(DeployableProcess.get(URI.create("http://localhost:" + consumerPort + "/actuator/health"))
                .statusCode()).isEqualTo(404);
    }

    @Test
    @Order(3)
    void aFolderExportLandsInTheExportDirectoryAndNothingInTheWorkingDirectory() throws Exception {
        StackClient.Response accepted = client.export("deployed/reports", "Deployed report", "## Hello\n");

        assertThat(accepted.status()).isEqualTo(202);
        String statusUrl = accepted.body().get("status_url").asString();
        await().atMost(Duration.ofSeconds(60))
                .until(() -> "SUCCEEDED".equals(client.get(statusUrl).body().get("status").asString()));
        Path file = Path.of(URI.create(client.get(statusUrl).body().get("external_url").asString()));
        assertThat(file.getParent()).isEqualTo(exportDir.resolve("deployed/reports"));
        assertThat(Files.readString(file)).contains("# Deployed report", "## Hello");
        assertThat(workingDirectory).isEmptyDirectory();
    }

    @Test
    @Order(4)
    void eachOAuthAppConnectsAsConfiguredAndItsTokenIsSealedWithTheActiveVaultKey() {
        JsonNode providers = client.get("/api/integrations/available").body().get("providers");
        assertThat(providers.valueStream()
                .filter(provider -> provider.get("connectable").asBoolean())
                .map(provider -> provider.get("id").asString()))
                .contains("slack", "notion", "gmail");

        for (Vendor vendor : List.of(SLACK, NOTION, GMAIL)) {
            Map<String, String> authorization = query(client.get("/api/integrations/" + vendor.provider()
                    + "/oauth/start").body().get("authorization_url").asString());
            String callback = PUBLIC_BASE_URL + "/api/integrations/" + vendor.provider() + "/oauth/callback";
            assertThat(authorization).containsEntry("client_id", vendor.clientId())
                    .containsEntry("redirect_uri", callback);
            assertThat(signedWith(environment.get("YARNNN_OAUTH_STATE_SECRET"), authorization.get("state")))
                    .as("the state is signed with a key derived from YARNNN_OAUTH_STATE_SECRET").isTrue();

            HttpResponse<String> back = DeployableProcess.get(URI.create("http://localhost:" + edgePort
                    + "/api/integrations/" + vendor.provider() + "/oauth/callback?code=code-1&state="
                    + authorization.get("state")));

            assertThat(back.headers().firstValue("Location")).as(vendor.provider())
                    .hasValue(PUBLIC_BASE_URL + "/settings/integrations?connected=" + vendor.provider());
            FakeOAuthServer.Request exchange = vendors.requests(vendor.tokenPath()).get(0);
            String credentials = exchange.basicCredentials() != null ? exchange.basicCredentials()
                    : exchange.form().get("client_id") + ":" + exchange.form().get("client_secret");
            assertThat(credentials).isEqualTo(vendor.clientId() + ":" + vendor.clientSecret());
        }
        List<byte[]> sealed = jdbc.sql("select access_token_encrypted from user_integrations").query(byte[].class).list();
        assertThat(sealed).hasSize(3).allSatisfy(token -> assertThat(keyIdOf(token)).isEqualTo("k2"));
    }

    @Test
    @Order(5)
    void neitherLoggedASecret() {
        List<String> secrets = new ArrayList<>(Stream.of("YARNNN_JWT_SECRET", "YARNNN_OAUTH_STATE_SECRET",
                "SLACK_CLIENT_SECRET", "NOTION_CLIENT_SECRET", "GOOGLE_CLIENT_SECRET").map(environment::get).toList());
        for (String key : environment.get("YARNNN_VAULT_KEYS").split(",")) {
            secrets.add(key.substring(key.indexOf(':') + 1));
        }
        // the owner's password is the embedded server's well-known "postgres", also its user name: not telling
        secrets.add(consumerEnvironment.get("DATABASE_PASSWORD"));
        secrets.addAll(List.of("xoxb-deployed-4f1e", "ntn_deployed-51c2", "ya29.deployed-e3f0", "1//deployed-a8c6"));

        assertThat(List.of(edge.output(), consumer.output())).allSatisfy(output ->
                assertThat(output).doesNotContain(secrets));
    }

    /** Creates the database as an operator does first ({@code createdb}); answers its JDBC URL. */
    private static String createDatabase(DatabaseEndpoint server) {
        String name = "deployment_" + UUID.randomUUID().toString().replace("-", "");
        JdbcClient.create(new DriverManagerDataSource(server.jdbcUrl(), server.username(), server.password()))
                .sql("create database " + name).update();
        // without the server's query string: the user must come from DATABASE_USERNAME
        return server.jdbcUrl().replaceFirst("/[^/?]*(\\?.*)?$", "/" + name);
    }

    /**
     * Creates a login that reads and writes the pipeline's tables but cannot change the schema (nor Liquibase's
     * tables, so that a Liquibase run would fail); answers its password.
     */
    private static String grantDataAccessOnly() {
        String password = random(18);
        jdbc.sql("create role " + CONSUMER_USER + " login password '" + password + "'").update();
        List<String> tables = jdbc.sql("select tablename from pg_tables where schemaname = 'public' "
                + "and tablename not like 'databasechangelog%'").query(String.class).list();
        jdbc.sql("grant select, insert, update, delete on " + String.join(", ", tables) + " to " + CONSUMER_USER)
                .update();
        jdbc.sql("grant usage, select on all sequences in schema public to " + CONSUMER_USER).update();
        return password;
    }

    /** The variables named in the first column of the README's Configuration table. */
    private static Set<String> readmeVariables() throws Exception {
        String readme = Files.readString(README);
        String section = readme.substring(readme.indexOf("\n## Configuration\n"));
        section = section.substring(0, section.indexOf("\n## ", 1));
        Matcher names = Pattern.compile("`([A-Z][A-Z0-9_]+)`").matcher(section.lines()
                .filter(line -> line.startsWith("| `")).map(line -> line.split("\\|")[1])
                .collect(Collectors.joining(" ")));
        return names.results().map(match -> match.group(1)).collect(Collectors.toSet());
    }

    private static Map<String, String> query(String url) {
        return Arrays.stream(URI.create(url).getRawQuery().split("&")).map(pair -> pair.split("=", 2))
                .collect(Collectors.toMap(pair -> pair[0],
                        pair -> pair.length > 1 ? URLDecoder.decode(pair[1], StandardCharsets.UTF_8) : ""));
    }

    /** Whether a state's signature is {@code HMAC(HMAC(secret, "yarnnn/oauth-state/v1"), payload)} (OAuthStateCodec). */
    private static boolean signedWith(String secret, String state) {
        int lastDot = state.lastIndexOf('.');
        byte[] key = hmac(secret.getBytes(StandardCharsets.UTF_8), "yarnnn/oauth-state/v1");
        return Base64.getUrlEncoder().withoutPadding().encodeToString(hmac(key, state.substring(0, lastDot)))
                .equals(state.substring(lastDot + 1));
    }

    private static byte[] hmac(byte[] key, String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The key id in a sealed token's header: version (1 byte), key id length (1 byte), key id (docs/configuration.md, Token vault). */
    private static String keyIdOf(byte[] sealed) {
        return new String(sealed, 2, sealed[1], StandardCharsets.UTF_8);
    }

    private static String random(int bytes) {
        byte[] value = new byte[bytes];
        new SecureRandom().nextBytes(value);
        return Base64.getEncoder().encodeToString(value);
    }
}
