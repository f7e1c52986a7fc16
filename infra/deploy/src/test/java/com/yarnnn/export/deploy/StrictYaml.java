package com.yarnnn.export.deploy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.Annotated;
import com.fasterxml.jackson.databind.introspect.JacksonAnnotationIntrospector;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads YAML into model classes and refuses any field a class does not declare. fabric8's and Strimzi's models keep
 * unknown fields in {@code additionalProperties}, so a misspelt field would otherwise pass unnoticed: here their
 * any-setters are ignored and an unknown field fails the read, naming it.
 */
final class StrictYaml {

    private static final ObjectMapper MAPPER = new ObjectMapper(new YAMLFactory())
            .setAnnotationIntrospector(new JacksonAnnotationIntrospector() {
                @Override
                public Boolean hasAnySetter(Annotated annotated) {
                    return Boolean.FALSE;
                }
            })
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /** For a resource without a model, whose fields are checked one by one instead. */
    private static final ObjectMapper LENIENT = new ObjectMapper(new YAMLFactory());

    private StrictYaml() {
    }

    /** Every document of a file, as trees; empty documents (a file of comments) are left out. */
    static List<JsonNode> documents(Path file) {
        try (var values = MAPPER.readerFor(JsonNode.class).<JsonNode>readValues(file.toFile())) {
            return values.readAll().stream().filter(node -> node != null && !node.isMissingNode() && !node.isNull())
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": " + e.getMessage(), e);
        }
    }

    static <T> T read(JsonNode document, Class<T> type, String where) {
        try {
            return MAPPER.treeToValue(document, type);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(where + ": " + e.getOriginalMessage(), e);
        }
    }

    static <T> T readWithoutModel(JsonNode document, Class<T> type) {
        return LENIENT.convertValue(document, type);
    }
}
