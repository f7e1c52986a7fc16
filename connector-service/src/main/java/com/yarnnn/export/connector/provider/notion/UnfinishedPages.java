package com.yarnnn.export.connector.provider.notion;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Pages this process created for exports whose appends did not all succeed (a rate limit or a timeout half-way
 * through a long document), so that the retry completes the same page instead of creating a second one. Bounded:
 * the oldest entries are dropped first.
 */
final class UnfinishedPages {

    record UnfinishedPage(String id, String url) {
    }

    private static final int MAX_ENTRIES = 1024;

    private final Map<UUID, UnfinishedPage> pages = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<UUID, UnfinishedPage> eldest) {
            return size() > MAX_ENTRIES;
        }
    };

    synchronized Optional<UnfinishedPage> find(UUID exportId) {
        return Optional.ofNullable(pages.get(exportId));
    }

    synchronized void remember(UUID exportId, UnfinishedPage page) {
        pages.put(exportId, page);
    }

    synchronized void forget(UUID exportId) {
        pages.remove(exportId);
    }
}
