package com.yarnnn.export.connector.mcp;

import java.time.Duration;
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
            lines.notifyAll();
        }
    }

    /**
     * The last lines once the server has been quiet for {@code quiet} (at most {@code max}): a server that exited
     * during start-up may still have its last words in the pipe.
     */
    String tailWhenQuiet(Duration quiet, Duration max) {
        long deadline = System.nanoTime() + max.toNanos();
        synchronized (lines) {
            String last = null;
            while (System.nanoTime() < deadline && !String.join("\n", lines).equals(last)) {
                last = String.join("\n", lines);
                try {
                    lines.wait(quiet.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            return String.join("\n", lines);
        }
    }
}
