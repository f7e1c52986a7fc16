package com.yarnnn.export.edge;

import java.util.Deque;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedDeque;
import org.springframework.util.IdGenerator;

/** Hands out the ids a test queued, then random ones. */
public class ScriptedIds implements IdGenerator {

    private final Deque<UUID> queued = new ConcurrentLinkedDeque<>();

    public void willGenerate(UUID... ids) {
        queued.addAll(List.of(ids));
    }

    public void reset() {
        queued.clear();
    }

    @Override
    public UUID generateId() {
        UUID next = queued.poll();
        return next != null ? next : UUID.randomUUID();
    }
}
