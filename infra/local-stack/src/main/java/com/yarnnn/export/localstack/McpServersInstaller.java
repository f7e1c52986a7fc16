package com.yarnnn.export.localstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Runs {@code npm ci} in the MCP servers' directory when the servers are not installed yet. */
final class McpServersInstaller {

    private McpServersInstaller() {
    }

    static void ensureInstalled(Path serversDir) {
        if (Files.isRegularFile(serversDir.resolve("node_modules/.package-lock.json"))) {
            return;
        }
        System.out.println("Installing the MCP servers from " + serversDir.resolve("package-lock.json") + " ...");
        try {
            int exit = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund")
                    .directory(serversDir.toFile()).inheritIO().start().waitFor();
            if (exit != 0) {
                throw new IllegalStateException("npm ci failed in " + serversDir + " (exit " + exit + ")");
            }
        } catch (IOException e) {
            throw new IllegalStateException("Cannot run npm: install Node.js 20 and npm", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while installing the MCP servers", e);
        }
    }
}
