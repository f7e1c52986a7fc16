package com.yarnnn.export.edge.export;

import com.yarnnn.export.edge.problem.ApiProblemException;
import java.util.Collection;
import java.util.List;
import org.springframework.http.HttpStatus;

/** An export request that cannot be queued as it is; nothing was published. */
public class ExportRequestRejectedException extends ApiProblemException {

    private ExportRequestRejectedException(HttpStatus status, String detail) {
        super(status, detail);
    }

    public static ExportRequestRejectedException unknownProvider(String providerId, Collection<String> available) {
        List<String> sorted = available.stream().sorted().toList();
        ExportRequestRejectedException rejected = new ExportRequestRejectedException(HttpStatus.BAD_REQUEST,
                "Unknown provider '" + providerId + "'. Available providers: " + String.join(", ", sorted) + ".");
        rejected.getBody().setProperty("available_providers", sorted);
        return rejected;
    }

    static ExportRequestRejectedException invalidDestination(String providerMessage) {
        return new ExportRequestRejectedException(HttpStatus.BAD_REQUEST, providerMessage);
    }

    static ExportRequestRejectedException contentTooLarge(long bytes, long maxBytes) {
        return new ExportRequestRejectedException(HttpStatus.CONTENT_TOO_LARGE,
                "content is " + bytes + " bytes (UTF-8); at most " + maxBytes + " bytes can be exported");
    }

    static ExportRequestRejectedException contentNotText(int index) {
        return new ExportRequestRejectedException(HttpStatus.BAD_REQUEST, "content must be text: it has a control "
                + "character at position " + index + " (only tab, carriage return and line feed are allowed)");
    }

    static ExportRequestRejectedException invalidIdempotencyKey(int maxLength) {
        return new ExportRequestRejectedException(HttpStatus.BAD_REQUEST, "The Idempotency-Key header must be 1 to "
                + maxLength + " printable ASCII characters");
    }
}
