package com.yarnnn.export.consumer.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import com.yarnnn.export.connector.provider.DeliveryReceipt;
import com.yarnnn.export.connector.provider.ExportProvider;
import com.yarnnn.export.connector.provider.ProviderDescriptor;
import com.yarnnn.export.schemas.event.ExportRequested;
import com.yarnnn.export.schemas.event.ExportTrigger;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.transport.ReceiverContext;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

class DeliveryTracingTest {

    private final List<Observation.Context> stopped = new CopyOnWriteArrayList<>();
    private final ObservationRegistry registry = ObservationRegistry.create();
    private final DeliveryTracing tracing = new DeliveryTracing(registry());

    {
        registry.observationConfig().observationHandler(new ObservationHandler<>() {
            @Override
            public boolean supportsContext(Observation.Context context) {
                return true;
            }

            @Override
            public void onStop(Observation.Context context) {
                stopped.add(context);
            }
        });
    }
    private final ExportProvider folder = new ExportProvider() {
        @Override
        public ProviderDescriptor descriptor() {
            return new ProviderDescriptor("folder", "Folder", "", "folder", false);
        }

        @Override
        public void checkDestination(String destinationId) {
        }

        @Override
        public DeliveryReceipt deliver(ExportRequested request) {
            return new DeliveryReceipt("id", null);
        }
    };

    @Test
    void theHandlingReadsTheRecordsTraceAndLogsWithItsExportId() {
        UUID exportId = UUID.randomUUID();
        ConsumerRecord<String, ExportRequested> record = new ConsumerRecord<>("export.requested.folder", 0, 0L,
                exportId.toString(), request(exportId));
        record.headers().add("traceparent",
                "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01".getBytes(StandardCharsets.UTF_8));
        AtomicReference<String> logged = new AtomicReference<>();

        tracing.handling(folder, record, () -> logged.set(MDC.get(DeliveryTracing.EXPORT_ID)));

        assertThat(logged).hasValue(exportId.toString());
        assertThat(MDC.get(DeliveryTracing.EXPORT_ID)).isNull();
        assertThat(stopped).singleElement().satisfies(context -> {
            assertThat(context.getName()).isEqualTo("yarnnn.export.handling");
            assertThat(context.getLowCardinalityKeyValue("provider").getValue()).isEqualTo("folder");
            assertThat(context.getHighCardinalityKeyValue("export.id").getValue()).isEqualTo(exportId.toString());
            assertThat(((ReceiverContext<?>) context).getCarrier()).as("the trace is read from the record")
                    .isSameAs(record);
        });
    }

    @Test
    void aProviderCallIsAnObservationOfItsOwnThatKeepsTheAnswer() {
        DeliveryReceipt receipt = tracing.providerCall(folder, 2, () -> new DeliveryReceipt("x", "y"));

        assertThat(receipt).isEqualTo(new DeliveryReceipt("x", "y"));
        assertThat(stopped).singleElement().satisfies(context -> {
            assertThat(context.getName()).isEqualTo("yarnnn.export.provider.call");
            assertThat(context.getContextualName()).isEqualTo("folder redeliver");
            assertThat(context.getHighCardinalityKeyValue("attempt").getValue()).isEqualTo("2");
        });
    }

    private ObjectProvider<ObservationRegistry> registry() {
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        beans.addBean("registry", registry);
        return beans.getBeanProvider(ObservationRegistry.class);
    }

    private static ExportRequested request(UUID exportId) {
        return new ExportRequested(ExportRequested.SCHEMA_VERSION, UUID.randomUUID(), exportId, UUID.randomUUID(),
                "folder", null, "team", null, UUID.randomUUID(), "Title", "Body", ExportTrigger.MANUAL, 1,
                Instant.parse("2026-11-25T10:15:30Z"));
    }
}
