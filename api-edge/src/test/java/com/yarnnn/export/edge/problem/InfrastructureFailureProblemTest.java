package com.yarnnn.export.edge.problem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.apache.kafka.common.errors.NetworkException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.BadSqlGrammarException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.jdbc.UncategorizedSQLException;
import org.springframework.kafka.KafkaException;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * How a failure that reached the handler is answered, whichever route it came from: the database or the broker
 * failing is a 503 with Retry-After, anything else a 500; neither quotes the failure.
 */
class InfrastructureFailureProblemTest {

    /** The texts the failures below carry; none may reach an answer. */
    private static final String[] FAILURE_TEXTS = {"HikariPool", "SQL", "select", "export_status", "Topic",
            "Disconnected", "serialize", "bug", "I/O error", "node"};

    private final AtomicReference<Exception> failure = new AtomicReference<>();
    private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new FailingController(failure))
            .setControllerAdvice(new ApiExceptionHandler())
            .build();

    static Stream<Exception> databaseFailures() {
        SQLException connectionLost = new SQLException("An I/O error occurred while sending to the backend.", "08006");
        return Stream.of(
                new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection",
                        new SQLTransientConnectionException("HikariPool-1 - Connection is not available")),
                new CannotCreateTransactionException("Could not open JDBC Connection for transaction", connectionLost),
                new DataAccessResourceFailureException("PreparedStatementCallback; SQL [select * from export_status]",
                        connectionLost),
                new QueryTimeoutException("PreparedStatementCallback; SQL [select * from export_status]; timeout"),
                new TransactionSystemException("Could not commit JDBC transaction", connectionLost),
                new UncategorizedSQLException("select from export_status", "select 1",
                        new SQLException("terminating connection due to administrator command", "57P01")),
                new IllegalStateException("wrapped on its way up",
                        new DataAccessResourceFailureException("SQL [select 1]", connectionLost)));
    }

    static Stream<Exception> brokerFailures() {
        return Stream.of(
                new KafkaException("Send failed", new TimeoutException("Topic not present in metadata after 1000 ms")),
                new TimeoutException("Timed out waiting for a node assignment"),
                new NetworkException("Disconnected from node 1"),
                new CompletionException(new TimeoutException("Timed out waiting for a node assignment")));
    }

    static Stream<Exception> programmingErrors() {
        return Stream.of(
                new IllegalStateException("a bug"),
                new NullPointerException("a bug"),
                new BadSqlGrammarException("select from export_status", "select nonsense",
                        new SQLException("syntax error", "42601")),
                new DataIntegrityViolationException("duplicate key in export_status"),
                new KafkaException("Send failed", new SerializationException("Cannot serialize")),
                new KafkaException("Send failed", new RecordTooLargeException("The message is too large")));
    }

    @ParameterizedTest
    @MethodSource("databaseFailures")
    void aFailingDatabaseIs503WithRetryAfter(Exception databaseFailure) throws Exception {
        MockHttpServletResponse response = answer(databaseFailure, get("/failing"));

        assertUnavailable(response);
        assertThat(detail(response)).isEqualTo("The database is unavailable right now. Try again in a few seconds.");
    }

    @ParameterizedTest
    @MethodSource("brokerFailures")
    void anUnreachableBrokerIs503WithRetryAfter(Exception brokerFailure) throws Exception {
        MockHttpServletResponse response = answer(brokerFailure, get("/failing"));

        assertUnavailable(response);
        assertThat(detail(response))
                .isEqualTo("The message broker is unavailable right now. Try again in a few seconds.");
    }

    @ParameterizedTest
    @MethodSource("programmingErrors")
    void anythingElseIs500WithoutRetryAfter(Exception error) throws Exception {
        MockHttpServletResponse response = answer(error, get("/failing"));

        assertThat(response.getStatus()).isEqualTo(500);
        assertThat(response.getHeader("Retry-After")).isNull();
        assertThat(detail(response)).isEqualTo("An unexpected error occurred; it was logged");
        assertThat(response.getContentAsString()).doesNotContain(FAILURE_TEXTS);
    }

    @Test
    void aChangeMayNotHaveBeenCarriedOutAndTheIdempotencyKeyIsNamedWhenSent() throws Exception {
        Exception lost = new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection");

        MockHttpServletResponse withKey = answer(lost, post("/failing").header("Idempotency-Key", "weekly-48"));
        MockHttpServletResponse withoutKey = answer(lost, post("/failing"));

        assertUnavailable(withKey);
        assertThat(detail(withKey)).isEqualTo("The database is unavailable right now, so the request may not have "
                + "been carried out. Try again in a few seconds; a retry with the same Idempotency-Key never creates "
                + "a second export.");
        assertThat(detail(withoutKey)).isEqualTo("The database is unavailable right now, so the request may not have "
                + "been carried out. Try again in a few seconds.");
    }

    @Test
    void a503ProblemThrownByARouteAlsoSaysWhenToComeBack() throws Exception {
        Exception notPublished = new ApiProblemException(HttpStatus.SERVICE_UNAVAILABLE,
                "The approval was not published: try again");

        MockHttpServletResponse response = answer(notPublished, post("/failing"));

        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getHeader("Retry-After")).isEqualTo("5");
        assertThat(detail(response)).isEqualTo("The approval was not published: try again");
    }

    private MockHttpServletResponse answer(Exception toThrow, RequestBuilder request) throws Exception {
        failure.set(toThrow);
        return mvc.perform(request).andReturn().getResponse();
    }

    private static void assertUnavailable(MockHttpServletResponse response) throws Exception {
        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getContentType()).startsWith("application/problem+json");
        assertThat(response.getHeader("Retry-After")).isEqualTo("5");
        assertThat(response.getContentAsString()).doesNotContain(FAILURE_TEXTS);
    }

    private static String detail(MockHttpServletResponse response) throws Exception {
        JsonNode problem = JsonMapper.builder().build().readTree(response.getContentAsString());
        return problem.path("detail").asString();
    }

    @RestController
    static class FailingController {

        private final AtomicReference<Exception> failure;

        FailingController(AtomicReference<Exception> failure) {
            this.failure = failure;
        }

        @GetMapping("/failing")
        String read() throws Exception {
            throw failure.get();
        }

        @PostMapping("/failing")
        String change() throws Exception {
            throw failure.get();
        }
    }
}
