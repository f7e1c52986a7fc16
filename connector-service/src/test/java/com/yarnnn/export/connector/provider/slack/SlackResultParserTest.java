package com.yarnnn.export.connector.provider.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.yarnnn.export.connector.failure.DeliveryException;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Tool results as {@code server-slack} returns them: the Slack response as text, {@code isError} never set. */
class SlackResultParserTest {

    @Test
    void returnsTheSlackResponseWhenOk() {
        assertThat(SlackResultParser.parse(result("{\"ok\":true,\"channel\":\"C0123456789\",\"ts\":\"1.2\"}"))
                .path("ts").asString()).isEqualTo("1.2");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            {"ok":false,"error":"channel_not_found"}                 | channel_not_found     | false
            {"ok":false,"error":"not_in_channel"}                    | not_in_channel        | false
            {"ok":false,"error":"is_archived"}                       | is_archived           | false
            {"ok":false,"error":"msg_too_long"}                      | msg_too_long          | false
            {"ok":false,"error":"no_text"}                           | no_text               | false
            {"ok":false,"error":"invalid_auth"}                      | needs_reauth          | false
            {"ok":false,"error":"token_revoked"}                     | needs_reauth          | false
            {"ok":false,"error":"account_inactive"}                  | needs_reauth          | false
            {"ok":false,"error":"missing_scope","needed":"chat:write","provided":"channels:read"} | missing_scope | false
            {"ok":false,"error":"restricted_action"}                 | restricted_action     | false
            {"ok":false,"error":"some_new_error"}                    | slack_error           | false
            {"ok":false,"error":"ratelimited"}                       | rate_limited          | true
            {"ok":false,"error":"internal_error"}                    | slack_unavailable     | true
            {"ok":false,"error":"fatal_error"}                       | slack_unavailable     | true
            {"ok":false,"error":"service_unavailable"}               | slack_unavailable     | true
            {"ok":false,"error":"request_timeout"}                   | slack_unavailable     | true
            {"error":"fetch failed"}                                 | slack_unreachable     | true
            {"error":"Unexpected token '<', \\"<html>\\" is not valid JSON"} | slack_unreachable | true
            {"error":"Missing required arguments: channel_id and text"} | slack_connector_error | false
            {"error":"Unknown tool: auth_test"}                      | slack_connector_error | false
            not json at all                                          | slack_unexpected_response | false
            """)
    void classifiesFailures(String text, String code, boolean retryable) {
        DeliveryException failure = catchThrowableOfType(DeliveryException.class,
                () -> SlackResultParser.parse(result(text)));

        assertThat(failure.code()).isEqualTo(code);
        assertThat(failure.retryable()).isEqualTo(retryable);
        assertThat(failure.getMessage()).isNotBlank();
    }

    @Test
    void namesTheMissingScopeButNothingUnexpectedFromTheResponse() {
        assertThat(catchThrowableOfType(DeliveryException.class, () -> SlackResultParser.parse(
                result("{\"ok\":false,\"error\":\"missing_scope\",\"needed\":\"chat:write\"}"))).getMessage())
                .contains("(chat:write)").contains("reconnect Slack");
        assertThat(catchThrowableOfType(DeliveryException.class, () -> SlackResultParser.parse(
                result("{\"ok\":false,\"error\":\"<script>alert(1)</script>\"}"))).getMessage())
                .doesNotContain("script").contains("unknown error");
    }

    private static McpSchema.CallToolResult result(String text) {
        return McpSchema.CallToolResult.builder().content(List.of(new McpSchema.TextContent(text))).build();
    }
}
