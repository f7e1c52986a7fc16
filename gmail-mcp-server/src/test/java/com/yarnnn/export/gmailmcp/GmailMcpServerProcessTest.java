package com.yarnnn.export.gmailmcp;

import static com.yarnnn.export.gmailmcp.GmailServerProcess.TOKEN;
import static com.yarnnn.export.gmailmcp.GmailServerProcess.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.yarnnn.export.fakes.gmail.FakeGmailApi;
import io.modelcontextprotocol.spec.McpSchema;
import jakarta.mail.Message;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The packaged jar as a real process over stdio, against a local fake of the Gmail REST API. */
class GmailMcpServerProcessTest {

    private static final Logger log = LoggerFactory.getLogger(GmailMcpServerProcessTest.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String SUBJECT = "Weekly report — 📈 Q4";
    private static final String TEXT = "Revenue up 12% (plain, secret-ish body text)";
    private static final String HTML = "<p>Revenue <b>up 12%</b></p>";

    @TempDir
    static Path sandbox;

    private static FakeGmailApi gmail;
    private static GmailServerProcess server;

    @BeforeAll
    static void startServer() {
        gmail = FakeGmailApi.start();
        server = GmailServerProcess.start(gmail.baseUrl(), sandbox.resolve("shared"));
    }

    @AfterAll
    static void stopServer() {
        server.close();
        gmail.close();
    }

    @BeforeEach
    void forgetRequests() {
        gmail.clear();
    }

    @Test
    void offersExactlySendMessageAndGetProfile() {
        assertThat(server.client.listTools().tools()).extracting(McpSchema.Tool::name)
                .containsExactly("send_message", "get_profile");
    }

    @Test
    void sendsTheMimeMessageToGmailWithTheBearerTokenAndReturnsGmailsAnswer() throws Exception {
        McpSchema.CallToolResult result = server.call("send_message", sendArguments());

        assertThat(result.isError()).isFalse();
        JsonNode answer = JSON.readTree(text(result));
        assertThat(answer.path("id").asString()).startsWith("18c0ffee");
        assertThat(answer.path("labelIds").path(0).asString()).isEqualTo("SENT");
        assertThat(gmail.requests()).singleElement().satisfies(request -> {
            assertThat(request.method()).isEqualTo("POST");
            assertThat(request.path()).isEqualTo(FakeGmailApi.SEND_PATH);
            assertThat(request.header("Authorization")).isEqualTo("Bearer " + TOKEN);
            assertThat(request.header("Content-Type")).isEqualTo("application/json; charset=UTF-8");
            assertThat(JSON.readTree(request.body()).propertyNames()).containsExactly("raw");
            SentEmail sent = SentEmail.fromSendRequest(request.body());
            assertThat(sent.subject()).isEqualTo(SUBJECT);
            assertThat(Arrays.toString(sent.message().getRecipients(Message.RecipientType.TO)))
                    .isEqualTo("[ann@example.com, Bob <bob@example.org>]");
            assertThat(Arrays.toString(sent.message().getRecipients(Message.RecipientType.CC))).isEqualTo("[cc@example.net]");
            assertThat(sent.header("X-YARNNN-Export-Ref")).isEqualTo("export-42");
            assertThat(sent.plainText()).isEqualTo(TEXT);
            assertThat(sent.html()).isEqualTo(HTML);
        });
    }

    @Test
    void getProfileReadsTheAccount() throws Exception {
        McpSchema.CallToolResult result = server.call("get_profile", Map.of());

        assertThat(result.isError()).isFalse();
        assertThat(JSON.readTree(text(result)).path("emailAddress").asString()).isEqualTo(FakeGmailApi.ACCOUNT);
        assertThat(gmail.requests()).singleElement().satisfies(request -> {
            assertThat(request.method()).isEqualTo("GET");
            assertThat(request.path()).isEqualTo(FakeGmailApi.PROFILE_PATH);
            assertThat(request.header("Authorization")).isEqualTo("Bearer " + TOKEN);
        });
    }

    static Stream<Arguments> gmailErrors() {
        return Stream.of(
                Arguments.of(401, "authError", "Request had invalid authentication credentials.", "UNAUTHENTICATED", Map.of()),
                Arguments.of(400, "invalidArgument", "Invalid To header", "INVALID_ARGUMENT", Map.of()),
                Arguments.of(403, "insufficientPermissions", "Request had insufficient authentication scopes.", "PERMISSION_DENIED", Map.of()),
                Arguments.of(429, "rateLimitExceeded", "User-rate limit exceeded.", "RESOURCE_EXHAUSTED", Map.of("Retry-After", "7")),
                Arguments.of(500, "backendError", "Backend Error", "INTERNAL", Map.of()),
                Arguments.of(503, "backendError", "The service is currently unavailable.", "UNAVAILABLE", Map.of()));
    }

    @ParameterizedTest
    @MethodSource("gmailErrors")
    void answersGmailErrorsAsErrorResultsWithStatusAndReason(int status, String reason, String message, String googleStatus,
            Map<String, String> headers) {
        gmail.replyNext(status, FakeGmailApi.googleError(status, reason, message, googleStatus), headers);

        McpSchema.CallToolResult result = server.call("send_message", sendArguments());

        assertThat(result.isError()).isTrue();
        JsonNode error = JSON.readTree(text(result));
        assertThat(error.path("status").asInt()).isEqualTo(status);
        assertThat(error.path("error").asString()).isEqualTo(reason);
        assertThat(error.path("message").asString()).isEqualTo(message);
        assertThat(error.path("retry_after_seconds").isMissingNode()).isEqualTo(headers.isEmpty());
        assertThat(text(result)).doesNotContain(TOKEN);
    }

    @Test
    void anErrorWithoutAGoogleBodyStillNamesTheStatus() {
        gmail.replyNext(502, "<html>Bad Gateway</html>", Map.of());

        JsonNode error = JSON.readTree(text(server.call("send_message", sendArguments())));

        assertThat(error.path("status").asInt()).isEqualTo(502);
        assertThat(error.path("error").asString()).isEqualTo("http_502");
    }

    @Test
    void refusesBadInputWithoutCallingGmail() {
        Map<String, Object> arguments = new java.util.HashMap<>(sendArguments());
        arguments.put("to", List.of("ann@example.com", "not an address"));

        McpSchema.CallToolResult result = server.call("send_message", arguments);

        assertThat(result.isError()).isTrue();
        assertThat(JSON.readTree(text(result)).path("error").asString()).isEqualTo("invalid_input");
        assertThat(text(result)).contains("'not an address' in 'to' is not a valid email address");
        assertThat(gmail.requests()).isEmpty();
    }

    @Test
    void opensNoListeningSocketAndOnlyConnectsOut() {
        server.call("send_message", sendArguments());

        ProcessSockets sockets = ProcessSockets.of(server.process.pid());

        assertThat(sockets.listening()).isEmpty();
        assertThat(sockets.tcpConnections()).as("the kept-alive connection to the fake proves the sockets are seen")
                .isNotEmpty().allMatch(connection -> connection.contains(":" + hexPort(gmail.baseUrl())));
    }

    @Test
    void logsNeitherTheTokenNorTheMessage() {
        long logged = sendLines();

        server.call("send_message", sendArguments());

        await().atMost(Duration.ofSeconds(5)).until(() -> sendLines() > logged);
        assertThat(server.stderr).noneMatch(line -> line.contains(TOKEN) || line.contains("ya29") || line.contains(TEXT)
                || line.contains("Weekly report") || line.contains("ann@example.com"));
    }

    @Test
    void aFreshServerSendsThenExitsByItselfWhenStdinClosesLeavingNoFiles() throws Exception {
        long started = System.nanoTime();
        try (GmailServerProcess fresh = GmailServerProcess.start(gmail.baseUrl(), sandbox.resolve("fresh"))) {
            assertThat(fresh.call("send_message", sendArguments()).isError()).isFalse();
            long firstSend = System.nanoTime() - started;
            long[] warm = new long[20];
            for (int i = 0; i < warm.length; i++) {
                long sendStarted = System.nanoTime();
                assertThat(fresh.call("send_message", sendArguments()).isError()).isFalse();
                warm[i] = System.nanoTime() - sendStarted;
            }
            Arrays.sort(warm);
            log.info("TIMING gmail-mcp-server: JVM start to first send answered {} ms; warm send median {} ms, max {} ms (n={})",
                    millis(firstSend), millis(warm[warm.length / 2]), millis(warm[warm.length - 1]), warm.length);
            assertThat(environment(fresh.process.pid())).contains("HOME=" + fresh.home)
                    .noneMatch(variable -> variable.startsWith("YARNNN_") || variable.startsWith("MAVEN"));

            fresh.process.getOutputStream().close();

            assertThat(fresh.process.waitFor(10, TimeUnit.SECONDS)).isTrue();
            assertThat(fresh.process.exitValue()).as("exited by itself, not by a signal").isZero();
            assertThat(Path.of(System.getProperty("java.io.tmpdir"), "hsperfdata_" + System.getProperty("user.name"),
                    Long.toString(fresh.process.pid()))).doesNotExist();
            for (Path directory : List.of(fresh.home, fresh.tmp, fresh.work)) {
                try (Stream<Path> left = Files.list(directory)) {
                    assertThat(left).as("files left in " + directory).isEmpty();
                }
            }
        }
    }

    @Test
    void reportsAnUnreachableGmailApiAsAnErrorResult(@TempDir Path own) throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        try (GmailServerProcess cut = GmailServerProcess.start("http://127.0.0.1:" + closedPort, own)) {
            McpSchema.CallToolResult result = cut.call("get_profile", Map.of());

            assertThat(result.isError()).isTrue();
            JsonNode error = JSON.readTree(text(result));
            assertThat(error.path("error").asString()).isEqualTo("unreachable");
            assertThat(error.has("status")).isFalse();
        }
    }

    @Test
    void refusesToStartWithoutAToken() throws Exception {
        ProcessBuilder builder = new ProcessBuilder(GmailServerProcess.javaCommand(), "-XX:-UsePerfData", "-jar",
                GmailServerProcess.JAR.toString()).redirectErrorStream(true);
        builder.environment().remove("GMAIL_ACCESS_TOKEN");
        Process process = builder.start();
        process.getOutputStream().close();

        assertThat(process.waitFor(20, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isEqualTo(2);
        assertThat(new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8))
                .contains("GMAIL_ACCESS_TOKEN is not set");
    }

    private static long sendLines() {
        return server.stderr.stream().filter(line -> line.contains("send_message -> HTTP 200")).count();
    }

    private static Map<String, Object> sendArguments() {
        return Map.of("to", List.of("ann@example.com", "Bob <bob@example.org>"), "cc", List.of("cc@example.net"),
                "subject", SUBJECT, "text", TEXT, "html", HTML, "export_ref", "export-42");
    }

    private static List<String> environment(long pid) throws IOException {
        return Arrays.asList(Files.readString(Path.of("/proc", Long.toString(pid), "environ")).split("\0"));
    }

    private static String hexPort(String baseUrl) {
        return String.format("%04X", Integer.parseInt(baseUrl.substring(baseUrl.lastIndexOf(':') + 1)));
    }

    private static long millis(long nanos) {
        return TimeUnit.NANOSECONDS.toMillis(nanos);
    }
}
