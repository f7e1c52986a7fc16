package com.yarnnn.export.connector.oauth;

import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.HttpOutputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.converter.AbstractHttpMessageConverter;
import org.springframework.util.MultiValueMap;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a token request's parameters as one JSON object of strings, for token endpoints that take JSON
 * instead of a form (Notion). Spring's token clients build the parameters as a form; this only changes how
 * they are sent.
 */
final class JsonTokenRequestConverter extends AbstractHttpMessageConverter<MultiValueMap<String, String>> {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    JsonTokenRequestConverter() {
        super(StandardCharsets.UTF_8, MediaType.APPLICATION_JSON);
    }

    @Override
    protected boolean supports(Class<?> type) {
        return MultiValueMap.class.isAssignableFrom(type);
    }

    @Override
    protected boolean canRead(MediaType mediaType) {
        return false;
    }

    @Override
    protected MultiValueMap<String, String> readInternal(Class<? extends MultiValueMap<String, String>> type,
            HttpInputMessage input) {
        throw new UnsupportedOperationException("only writes token requests");
    }

    @Override
    protected void writeInternal(MultiValueMap<String, String> parameters, HttpOutputMessage output)
            throws java.io.IOException {
        output.getBody().write(JSON.writeValueAsBytes(parameters.toSingleValueMap()));
    }
}
