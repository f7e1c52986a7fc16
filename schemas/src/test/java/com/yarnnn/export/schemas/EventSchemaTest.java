package com.yarnnn.export.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.yarnnn.export.schemas.event.DeliverableApproved;
import com.yarnnn.export.schemas.event.ExportDeadLettered;
import com.yarnnn.export.schemas.event.ExportError;
import com.yarnnn.export.schemas.event.ExportFailed;
import com.yarnnn.export.schemas.event.ExportOutcome;
import com.yarnnn.export.schemas.event.ExportRef;
import com.yarnnn.export.schemas.event.ExportRequested;
import com.yarnnn.export.schemas.event.ExportRequeued;
import com.yarnnn.export.schemas.event.ExportRetrying;
import com.yarnnn.export.schemas.event.ExportWaiting;
import com.yarnnn.export.schemas.event.ExportStarted;
import com.yarnnn.export.schemas.event.ExportSucceeded;
import com.yarnnn.export.schemas.event.ExportTrigger;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.exc.ValueInstantiationException;
import tools.jackson.databind.node.ObjectNode;

class EventSchemaTest {

    private static final Instant NOW = Instant.parse("2026-11-25T10:15:30.123Z");
    private static final ExportRequested REQUEST = new ExportRequested(ExportRequested.SCHEMA_VERSION,
            UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), "folder", null, "reports", UUID.randomUUID(),
            UUID.randomUUID(), "Weekly report", "# Hello\n\n[1, 2]", ExportTrigger.MANUAL, 1, NOW);
    private static final ExportRef REF = ExportRef.of(REQUEST);
    private static final ExportError ERROR = new ExportError("provider_unavailable", "The folder server did not answer");

    static Stream<Object> events() {
        int v = ExportOutcome.SCHEMA_VERSION;
        return Stream.of(
                REQUEST,
                new ExportRequested(ExportRequested.SCHEMA_VERSION, UUID.randomUUID(), UUID.randomUUID(),
                        UUID.randomUUID(), "folder", null, "reports", null, null, "Notes", "Notes", ExportTrigger.MANUAL,
                        1, NOW),
                new DeliverableApproved(DeliverableApproved.SCHEMA_VERSION, UUID.randomUUID(), UUID.randomUUID(),
                        UUID.randomUUID(), UUID.randomUUID(), "Weekly report", "# Hello", NOW),
                new ExportStarted(v, UUID.randomUUID(), REF, 1, NOW),
                new ExportSucceeded(v, UUID.randomUUID(), REF, 1, NOW, "reports/weekly.md", "file:///exports/reports/weekly.md"),
                new ExportFailed(v, UUID.randomUUID(), REF, 1, NOW, ERROR),
                new ExportRetrying(v, UUID.randomUUID(), REF, 1, NOW, ERROR, NOW.plusSeconds(5)),
                new ExportWaiting(v, UUID.randomUUID(), REF, 0, NOW,
                        new ExportError("waiting_rate_limit", "Slack asked to slow down"), NOW.plusSeconds(30)),
                new ExportDeadLettered(v, UUID.randomUUID(), REF, 3, NOW, ERROR, Topics.deadLetter("folder")),
                new ExportRequeued(v, UUID.randomUUID(), REF, 4, NOW, ExportRequeued.OPERATOR_REPLAY));
    }

    @ParameterizedTest
    @MethodSource("events")
    void everyEventSerialisesToJsonValidAgainstItsSchema(Object event) {
        String json = EventJson.mapper().writeValueAsString(event);

        List<Error> errors = schemaOf(event.getClass()).validate(json, InputFormat.JSON);

        assertThat(errors).as(json).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("events")
    void everyEventReadsBackEqual(Object event) {
        Class<?> readAs = event instanceof ExportOutcome ? ExportOutcome.class : event.getClass();
        String json = EventJson.mapper().writeValueAsString(event);

        assertThat(EventJson.mapper().readValue(json, readAs)).isEqualTo(event);
    }

    @Test
    void everyOutcomeTypeHasASchemaAndASample() {
        List<Class<?>> sampled = events().<Class<?>>map(Object::getClass).toList();

        assertThat(Arrays.asList(ExportOutcome.class.getPermittedSubclasses())).allSatisfy(type -> {
            assertThat(sampled).contains(type);
            assertThat(EventSchemaTest.class.getResource(schemaPath(type))).as(schemaPath(type)).isNotNull();
        });
    }

    @Test
    void schemaRejectsAnEventCarryingAToken() {
        ObjectNode json = EventJson.mapper().valueToTree(REQUEST);
        json.put("accessToken", "xoxb-secret");

        assertThat(schemaOf(ExportRequested.class).validate(json.toString(), InputFormat.JSON)).isNotEmpty();
    }

    @Test
    void aRequestMissingARequiredFieldDoesNotParse() {
        ObjectNode json = EventJson.mapper().valueToTree(REQUEST);
        json.remove("exportId");

        assertThatThrownBy(() -> EventJson.mapper().readValue(json.toString(), ExportRequested.class))
                .isInstanceOf(ValueInstantiationException.class)
                .hasMessageContaining("exportId");
    }

    @Test
    void theKeyIsTheConnectionOrElseProviderAndUser() {
        assertThat(REQUEST.partitionKey()).isEqualTo("folder:" + REQUEST.userId());
        UUID connection = UUID.randomUUID();
        ExportRequested connected = new ExportRequested(1, REQUEST.eventId(), REQUEST.exportId(), REQUEST.userId(),
                "slack", connection, "C1", null, REQUEST.deliverableVersionId(), "t", "c", ExportTrigger.MANUAL, 1, NOW);
        assertThat(connected.partitionKey()).isEqualTo(connection.toString());
        assertThat(EventJson.mapper().writeValueAsString(connected)).doesNotContain("partitionKey");
    }

    @Test
    void anApprovalNamesTheSameExportForTheSameVersionAndDestinationOnly() {
        UUID version = UUID.randomUUID();
        DeliverableApproved approval = new DeliverableApproved(1, UUID.randomUUID(), UUID.randomUUID(), version,
                UUID.randomUUID(), "t", "c", NOW);
        DeliverableApproved copy = new DeliverableApproved(1, UUID.randomUUID(), approval.deliverableId(), version,
                approval.userId(), "t", "c", NOW.plusSeconds(1));
        DeliverableApproved nextVersion = new DeliverableApproved(1, UUID.randomUUID(), approval.deliverableId(),
                UUID.randomUUID(), approval.userId(), "t", "c", NOW);

        assertThat(copy.exportIdFor("slack", "C1")).isEqualTo(approval.exportIdFor("slack", "C1"));
        assertThat(Stream.of(approval.exportIdFor("slack", "C2"), approval.exportIdFor("notion", "C1"),
                nextVersion.exportIdFor("slack", "C1"))).doesNotContain(approval.exportIdFor("slack", "C1"));
    }

    private static Schema schemaOf(Class<?> type) {
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
                builder -> builder.schemaIdResolvers(ids -> ids.mapPrefix("https://schemas.yarnnn.com/export/", "classpath:schemas/")));
        return registry.getSchema(SchemaLocation.of("classpath:" + schemaPath(type).substring(1)));
    }

    private static String schemaPath(Class<?> type) {
        return "/schemas/" + type.getSimpleName() + ".v1.schema.json";
    }
}
