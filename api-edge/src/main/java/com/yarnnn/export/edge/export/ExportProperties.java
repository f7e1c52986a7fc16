package com.yarnnn.export.edge.export;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** @param maxContentBytes the largest deliverable content accepted, in UTF-8 bytes */
@ConfigurationProperties("yarnnn.export")
public record ExportProperties(@DefaultValue("1048576") long maxContentBytes) {

    private static final long OTHER_FIELDS_BYTES = 64 * 1024;

    public ExportProperties {
        if (maxContentBytes < 1) {
            throw new IllegalArgumentException("yarnnn.export.max-content-bytes must be positive");
        }
    }

    /**
     * Request bodies above this are refused before they are read: JSON escaping at most doubles text that
     * passed the content check, and the other fields are small.
     */
    public long maxRequestBytes() {
        return 2 * maxContentBytes + OTHER_FIELDS_BYTES;
    }
}
