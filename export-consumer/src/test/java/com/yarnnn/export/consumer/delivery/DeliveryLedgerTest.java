package com.yarnnn.export.consumer.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.yarnnn.export.infra.TestInfrastructureInitializer;
import com.yarnnn.export.schemas.event.ExportError;
import com.yarnnn.export.schemas.event.ExportFailed;
import com.yarnnn.export.schemas.event.ExportOutcome;
import com.yarnnn.export.schemas.event.ExportRef;
import com.yarnnn.export.schemas.event.ExportRequested;
import com.yarnnn.export.schemas.event.ExportSucceeded;
import com.yarnnn.export.schemas.event.ExportTrigger;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

/** The ledger on the real PostgreSQL: a requeue's round claims an export that ended without success, never one that succeeded. */
// the same context as RateBudgetsTest: one application context fewer to start
@SpringBootTest(properties = "yarnnn.providers.folder.root=target/budget-test-exports")
@ContextConfiguration(initializers = TestInfrastructureInitializer.class)
class DeliveryLedgerTest {

    @Autowired
    DeliveryLedger ledger;

    @Test
    void aFailedExportIsClaimedAgainOnlyByARequeuesLaterRound() {
        ExportRequested request = request();
        assertThat(ledger.claim(request, 1)).isEqualTo(new DeliveryLedger.Claimed(1));
        ExportFailed failed = new ExportFailed(ExportOutcome.SCHEMA_VERSION, UUID.randomUUID(), ExportRef.of(request), 1,
                Instant.now(), new ExportError("channel_not_found", "gone"));
        ledger.complete(failed);

        assertThat(ledger.claim(request, 1)).as("the first round read again").isEqualTo(new DeliveryLedger.AlreadyDone(failed));
        assertThat(ledger.claim(request, 2)).as("the requeue's round").isEqualTo(new DeliveryLedger.Claimed(2));
        assertThat(ledger.attempts(request.exportId())).isEqualTo(2);
    }

    @Test
    void aSucceededExportIsNeverClaimedAgain() {
        ExportRequested request = request();
        ledger.claim(request, 1);
        ExportSucceeded succeeded = new ExportSucceeded(ExportOutcome.SCHEMA_VERSION, UUID.randomUUID(),
                ExportRef.of(request), 1, Instant.now(), "x.md", "file:///x.md");
        ledger.complete(succeeded);

        assertThat(ledger.claim(request, 5)).isEqualTo(new DeliveryLedger.AlreadyDone(succeeded));
    }

    private static ExportRequested request() {
        return new ExportRequested(ExportRequested.SCHEMA_VERSION, UUID.randomUUID(), UUID.randomUUID(),
                UUID.randomUUID(), "folder", null, "reports", null, UUID.randomUUID(), "Title", "Body",
                ExportTrigger.MANUAL, 1, Instant.now());
    }
}
