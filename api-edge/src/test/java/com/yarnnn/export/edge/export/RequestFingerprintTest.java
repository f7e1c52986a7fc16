package com.yarnnn.export.edge.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.yarnnn.export.schemas.event.ExportRequested;
import com.yarnnn.export.schemas.event.ExportTrigger;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RequestFingerprintTest {

    private static final UUID VERSION = UUID.fromString("6f1c1f6e-0d7a-4e8e-9d61-0f4a3f0c2b11");

    @Test
    void dependsOnWhatIsAskedForNotOnIdsOrTime() {
        assertThat(RequestFingerprint.of(request("reports", "Title", "body")))
                .isEqualTo(RequestFingerprint.of(request("reports", "Title", "body")))
                .hasSize(64);
    }

    @Test
    void fieldBoundariesCount() {
        assertThat(RequestFingerprint.of(request("reports", "Title", "body")))
                .isNotEqualTo(RequestFingerprint.of(request("reports", "Titleb", "ody")))
                .isNotEqualTo(RequestFingerprint.of(request("reports", "Title", "body ")));
    }

    private static ExportRequested request(String destination, String title, String content) {
        return new ExportRequested(1, UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), "folder", null,
                destination, null, VERSION, title, content, ExportTrigger.MANUAL, 1, Instant.now());
    }
}
