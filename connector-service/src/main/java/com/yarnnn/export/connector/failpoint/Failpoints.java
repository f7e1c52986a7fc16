package com.yarnnn.export.connector.failpoint;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Named step boundaries of the request and delivery paths where a fault can be injected, so the fault matrix can
 * prove what happens when a process dies or a dependency fails at exactly that step. Nothing is armed unless
 * {@code yarnnn.failpoints.<name>} says so (or a test arms one in-process); an unarmed point is one map look-up.
 *
 * <p>Actions: {@code halt} ends the JVM at once with exit code 137, as SIGKILL would, without shutdown hooks;
 * {@code error} (or {@code error:<n>}, the next n times) throws a {@link FailpointException}, as a database or
 * broker failing at that step would.
 */
public class Failpoints {

    private static final Logger log = LoggerFactory.getLogger(Failpoints.class);
    private static final int KILLED = 137;

    private final Map<String, Armed> armed = new ConcurrentHashMap<>();

    public Failpoints(Map<String, String> configured) {
        configured.forEach(this::arm);
    }

    /** Called by the code at the boundary {@code name}; does nothing unless that point is armed. */
    public void reach(String name) {
        if (armed.isEmpty()) {
            return;
        }
        Armed point = armed.get(name);
        if (point == null || point.remaining.getAndDecrement() <= 0) {
            return;
        }
        log.warn("Failpoint {} reached: {}", name, point.action);
        if (point.action == Action.HALT) {
            Runtime.getRuntime().halt(KILLED);
        }
        throw new FailpointException(name);
    }

    /** Arms {@code name} with {@code halt}, {@code error} or {@code error:<times>}. */
    public void arm(String name, String action) {
        String[] parts = action.strip().split(":", 2);
        Action kind = Action.valueOf(parts[0].toUpperCase(java.util.Locale.ROOT));
        int times = parts.length > 1 ? Integer.parseInt(parts[1]) : 1;
        armed.put(name, new Armed(kind, new AtomicInteger(times)));
    }

    public void disarmAll() {
        armed.clear();
    }

    private enum Action { HALT, ERROR }

    private record Armed(Action action, AtomicInteger remaining) {
    }
}
