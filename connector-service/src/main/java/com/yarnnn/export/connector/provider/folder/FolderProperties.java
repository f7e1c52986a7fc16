package com.yarnnn.export.connector.provider.folder;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param root  the directory exports are written under; destinations are folders inside it
 * @param entry the filesystem server's entry, relative to the MCP servers directory
 */
@ConfigurationProperties("yarnnn.providers.folder")
public record FolderProperties(Path root, String entry) {

    public FolderProperties {
        root = (root != null ? root : Path.of("exports")).toAbsolutePath().normalize();
        entry = entry != null ? entry : "node_modules/@modelcontextprotocol/server-filesystem/dist/index.js";
    }
}
