package com.yarnnn.export.edge.mcp;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** The MCP endpoint as a protected resource: its identifier and where its metadata is (RFC 9728). */
@Component
class McpResource {

    static final String PATH = "/mcp";
    static final String METADATA_PATH = "/.well-known/oauth-protected-resource";

    private final McpProperties properties;

    McpResource(McpProperties properties) {
        this.properties = properties;
    }

    /** The resource identifier tokens must carry in {@code aud}. */
    String identifier(HttpServletRequest request) {
        return properties.resourceUrl() != null ? properties.resourceUrl().toString()
                : ServletUriComponentsBuilder.fromContextPath(request).path(PATH).build().toUriString();
    }

    /** The metadata's URL: the well-known path inserted between the resource's origin and its path. */
    String metadataUrl(HttpServletRequest request) {
        String resource = identifier(request);
        int pathStart = resource.indexOf('/', resource.indexOf("://") + 3);
        return pathStart < 0 ? resource + METADATA_PATH
                : resource.substring(0, pathStart) + METADATA_PATH + resource.substring(pathStart);
    }
}
