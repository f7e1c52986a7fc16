package com.yarnnn.export.edge.status;

import com.yarnnn.export.edge.problem.ApiProblemException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import org.springframework.http.HttpStatus;

/**
 * Where a history page ended: the last export's (created_at, export_id), the order of the list. The next page
 * starts strictly after it, so exports created meanwhile never shift a page or appear twice.
 */
record ExportCursor(Instant createdAt, UUID exportId) {

    static ExportCursor after(ExportStatusView last) {
        return new ExportCursor(last.createdAt(), last.exportId());
    }

    String encode() {
        String plain = createdAt.getEpochSecond() + "." + createdAt.getNano() + "." + exportId;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    /** @throws ApiProblemException 400 when the value is not a cursor this API gave out */
    static ExportCursor decode(String value) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(value), StandardCharsets.UTF_8).split("\\.", 3);
            return new ExportCursor(Instant.ofEpochSecond(Long.parseLong(parts[0]), Long.parseLong(parts[1])),
                    UUID.fromString(parts[2]));
        } catch (RuntimeException e) {
            throw new ApiProblemException(HttpStatus.BAD_REQUEST,
                    "cursor is not valid: pass the next_cursor of the previous page as it is");
        }
    }
}
