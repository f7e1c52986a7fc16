package com.yarnnn.export.edge.export;

import com.yarnnn.export.connector.provider.ExportProvider;
import com.yarnnn.export.connector.provider.InvalidDestinationException;
import com.yarnnn.export.connector.provider.ProviderDescriptor;
import com.yarnnn.export.connector.provider.ProviderRegistry;
import java.nio.charset.StandardCharsets;
import org.springframework.stereotype.Component;

/**
 * The checks beyond the body's shape: the provider exists, it accepts the destination, and the content is
 * text that fits. Control characters are refused because JSON escapes each into six bytes, which could
 * push an event past Kafka's record limit although the content passed the size check.
 */
@Component
public class ExportRequestRules {

    private final ProviderRegistry providers;
    private final long maxContentBytes;

    ExportRequestRules(ProviderRegistry providers, ExportProperties properties) {
        this.providers = providers;
        this.maxContentBytes = properties.maxContentBytes();
    }

    /** @return the provider the request is for */
    ProviderDescriptor check(ExportRequestBody body) {
        ExportProvider provider = providers.find(body.providerId())
                .orElseThrow(() -> ExportRequestRejectedException.unknownProvider(body.providerId(), providers.ids()));
        try {
            provider.checkDestination(body.destinationId());
        } catch (InvalidDestinationException e) {
            throw ExportRequestRejectedException.invalidDestination(e.getMessage());
        }
        checkContent(body.content());
        return provider.descriptor();
    }

    /** @throws ExportRequestRejectedException when the content is too large or not text */
    public void checkContent(String content) {
        long bytes = content.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > maxContentBytes) {
            throw ExportRequestRejectedException.contentTooLarge(bytes, maxContentBytes);
        }
        for (int i = 0; i < content.length(); i++) {
            char c = content.charAt(i);
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
                throw ExportRequestRejectedException.contentNotText(i);
            }
        }
    }
}
