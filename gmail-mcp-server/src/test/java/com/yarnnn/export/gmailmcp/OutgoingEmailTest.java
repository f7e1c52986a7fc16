package com.yarnnn.export.gmailmcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class OutgoingEmailTest {

    @Test
    void acceptsAddressesWithDisplayNamesAndTrimsThem() {
        OutgoingEmail email = OutgoingEmail.fromArguments(valid(Map.of("to", List.of(" Ann Née <ann@example.com> "))));

        assertThat(email.to()).singleElement().satisfies(address -> {
            assertThat(address.getAddress()).isEqualTo("ann@example.com");
            assertThat(address.getPersonal()).isEqualTo("Ann Née");
        });
    }

    @Test
    void acceptsFiveHundredRecipients() {
        assertThat(OutgoingEmail.fromArguments(valid(Map.of("to", addresses(400), "cc", addresses(100))))
                .recipientCount()).isEqualTo(500);
    }

    static Stream<Arguments> refused() {
        return Stream.of(
                Arguments.of(Map.of("to", List.of("not-an-email")), "'not-an-email' in 'to' is not a valid email address"),
                Arguments.of(Map.of("to", List.of("a@b@c")), "'a@b@c' in 'to' is not a valid email address"),
                Arguments.of(Map.of("to", List.of("ann@example.com, bob@example.com")), "is not a valid email address"),
                Arguments.of(Map.of("cc", List.of("ann@")), "'ann@' in 'cc' is not a valid email address"),
                Arguments.of(Map.of("to", List.of()), "'to' needs at least one recipient"),
                Arguments.of(Map.of("to", "ann@example.com"), "'to' must be an array of email addresses"),
                Arguments.of(Map.of("to", List.of(1)), "'to' must contain email addresses"),
                Arguments.of(Map.of("to", addresses(400), "cc", addresses(101)), "at most 500 recipients"),
                Arguments.of(Map.of("subject", " "), "'subject' must not be empty"),
                Arguments.of(Map.of("subject", "Report\r\nBcc: spy@example.com"), "'subject' must be one line"),
                Arguments.of(Map.of("text", 3), "'text' must be a string"),
                Arguments.of(Map.of("export_ref", "a b\r\nX-Injected: 1"), "'export_ref' must be 1-128 letters"));
    }

    @ParameterizedTest
    @MethodSource("refused")
    void refusesWhatCannotMakeAMessage(Map<String, Object> change, String reason) {
        assertThatThrownBy(() -> OutgoingEmail.fromArguments(valid(change)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining(reason);
    }

    @Test
    void requiresTheHtmlAlternative() {
        Map<String, Object> arguments = valid(Map.of());
        arguments.remove("html");

        assertThatThrownBy(() -> OutgoingEmail.fromArguments(arguments)).hasMessage("'html' must be a string");
    }

    private static Map<String, Object> valid(Map<String, Object> change) {
        Map<String, Object> arguments = new HashMap<>(Map.of("to", List.of("ann@example.com"), "subject", "Report",
                "text", "text", "html", "<p>html</p>"));
        arguments.putAll(change);
        return arguments;
    }

    private static List<String> addresses(int count) {
        return IntStream.range(0, count).mapToObj(i -> "user" + i + "@example.com").toList();
    }
}
