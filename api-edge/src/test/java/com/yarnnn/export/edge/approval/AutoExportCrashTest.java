package com.yarnnn.export.edge.approval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;

import com.yarnnn.export.edge.ApiClient;
import com.yarnnn.export.edge.ApiEdgeIntegrationTest;
import com.yarnnn.export.edge.TestTokens;
import com.yarnnn.export.edge.TopicProbe;
import com.yarnnn.export.edge.export.ExportQueue;
import com.yarnnn.export.schemas.event.DeliverableApproved;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

/** A crash between the first and the second publish of an approval: the event is handled again, each export once. */
class AutoExportCrashTest extends ApiEdgeIntegrationTest {

    @MockitoSpyBean
    private ExportQueue queue;

    @Autowired
    private KafkaTemplate<String, Object> kafka;

    @Test
    void aCrashAfterTheFirstPublishStillQueuesEachExportOnce() throws Exception {
        UUID owner = UUID.randomUUID();
        String token = TestTokens.forUser(owner);
        UUID deliverable = UUID.randomUUID();
        for (String destination : List.of("reports", "archive")) {
            ApiClient.Response saved = api.postJson("/api/deliverables/" + deliverable + "/export-preferences", token,
                    Map.of("provider_id", "folder", "destination_id", destination, "auto_export", true), Map.of());
            assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        }
        AtomicBoolean crashed = new AtomicBoolean();
        doAnswer(call -> {
            Object queued = call.callRealMethod();
            if (crashed.compareAndSet(false, true)) {
                throw new IllegalStateException("process died after its first publish");
            }
            return queued;
        }).when(queue).queue(any(), any());
        DeliverableApproved approval = ApprovalEvents.approval(deliverable, UUID.randomUUID(), owner);

        try (TopicProbe folder = folderTopic()) {
            Map<TopicPartition, Long> before = folder.endOffsets();
            new ApprovalEvents(kafka).publish(approval);

            String path = "/api/deliverables/" + deliverable + "/exports?version_id=" + approval.versionId();
            await().atMost(Duration.ofSeconds(30)).until(() -> api.get(path, token).json().path("exports").size() == 2);
            assertThat(crashed).isTrue();
            List<ConsumerRecord<String, String>> published = folder.recordsSince(before, 2);
            assertThat(published.stream().map(r -> ApiClient.JSON.readTree(r.value()).path("exportId").asString()))
                    .containsExactlyInAnyOrder(approval.exportIdFor("folder", "reports").toString(),
                            approval.exportIdFor("folder", "archive").toString());
        }
    }
}
