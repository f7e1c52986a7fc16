package com.yarnnn.export.connector.mcp;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Receives a server's stderr: each line goes to a DEBUG logger (servers write message text there, so it stays
 * out of normal logs) and the last few lines are kept to explain a server that fails to start.
 */
final class StderrTail implements Consumer<String> {

    private static final int KEPT_LINES = 20;

    private final Logger log;
    private final Deque<String> lines = new ArrayDeque<>(KEPT_LINES);

    StderrTail(String serverName) {
        this.log = LoggerFactory.getLogger("com.yarnnn.export.connector.mcp.server." + serverName);
    }

    @Override
    public void accept(String line) {
        log.debug("{}", line);
        synchronized (lines) {
            if (lines.size() == KEPT_LINES) {
                lines.removeFirst();
            }
            lines.addLast(line);
        }
    }

    String tail() {
        synchronized (lines) {
            return String.join("\n", lines);
        }
    }
}
