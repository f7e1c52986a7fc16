package com.yarnnn.export.connector.failpoint;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** @param failpoints the armed failpoints by name ({@code yarnnn.failpoints.edge-after-commit=halt}); none by default */
@ConfigurationProperties("yarnnn")
public record FailpointProperties(@DefaultValue Map<String, String> failpoints) {
}
