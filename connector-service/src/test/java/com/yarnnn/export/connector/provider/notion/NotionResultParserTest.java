package com.yarnnn.export.connector.provider.notion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.yarnnn.export.connector.failure.DeliveryException;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NotionResultParserTest {

    @ParameterizedTest
    @CsvSource({
            "400, validation_error, false",
            "400, invalid_json, false",
            "404, object_not_found, false",
            "403, restricted_resource, false",
            "401, unauthorized, false",
            "429, rate_limited, true",
            "409, conflict_error, true",
            "500, internal_server_error, true",
            "503, service_unavailable, true",
            "504, gateway_timeout, true",
            "529, service_overload, true",
            "502, bad_gateway, true"})
    void classifiesNotionErrors(int status, String code, boolean retryable) {
        DeliveryException failure = failure("""
                {"status":%d,"object":"error","code":"%s","message":"m","request_id":"r"}""".formatted(status, code));

        assertThat(failure.retryable()).isEqualTo(retryable);
        assertThat(failure.code()).isEqualTo(code.equals("unauthorized") ? "needs_reauth" : code);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"status\":\"error\",\"data\":\"<html>502 Bad Gateway</html>\"}|notion_unavailable|true",
            "not json|notion_unexpected_response|true"})
    void answersThatAreNotNotionsAreWorthRetrying(String text, String code, boolean retryable) {
        DeliveryException failure = failure(text);

        assertThat(failure.code()).isEqualTo(code);
        assertThat(failure.retryable()).isEqualTo(retryable);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "-32603|connect ECONNREFUSED 127.0.0.1:9|notion_unreachable|true",
            "-32603|Method API-post-pages not found|notion_request_rejected|false",
            "-32602|Invalid arguments|notion_request_rejected|false"})
    void jsonRpcErrorsAreRetriedUnlessTheCallItselfIsWrong(int code, String message, String expected, boolean retryable) {
        DeliveryException failure = NotionResultParser.callFailure(
                new McpError(new McpSchema.JSONRPCResponse.JSONRPCError(code, message)));

        assertThat(failure.code()).isEqualTo(expected);
        assertThat(failure.retryable()).isEqualTo(retryable);
    }

    private static DeliveryException failure(String text) {
        return catchThrowableOfType(DeliveryException.class, () -> NotionResultParser.parse(
                McpSchema.CallToolResult.builder().content(List.of(new McpSchema.TextContent(text))).build()));
    }
}
