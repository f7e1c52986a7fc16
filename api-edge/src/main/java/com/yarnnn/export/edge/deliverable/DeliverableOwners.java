package com.yarnnn.export.edge.deliverable;

import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Who owns each deliverable the pipeline has seen. The product's approval events are authoritative; until one
 * arrives, the first user to export or save a preference for a deliverable is its owner.
 */
@Repository
public class DeliverableOwners {

    private final JdbcClient jdbc;

    DeliverableOwners(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Records the user as the owner unless someone already is.
     *
     * @throws DeliverableNotFoundException when the deliverable belongs to another user
     */
    public void claim(UUID deliverableId, UUID userId) {
        // one round trip: the row this insert made, or the one that was there; none when a concurrent claim
        // committed after this statement's snapshot, which the next read sees
        Optional<UUID> owner = jdbc.sql("""
                        with inserted as (
                            insert into deliverable_owners (deliverable_id, user_id) values (:deliverableId, :userId)
                            on conflict do nothing returning user_id)
                        select user_id from inserted
                        union all
                        select user_id from deliverable_owners where deliverable_id = :deliverableId
                        limit 1""")
                .param("deliverableId", deliverableId)
                .param("userId", userId)
                .query(UUID.class)
                .optional();
        if (owner.isEmpty()) {
            requireOwner(deliverableId, userId);
        } else if (!owner.get().equals(userId)) {
            throw new DeliverableNotFoundException(deliverableId);
        }
    }

    /** An approval names the owner for certain. */
    public void record(UUID deliverableId, UUID userId) {
        jdbc.sql("""
                        insert into deliverable_owners (deliverable_id, user_id) values (:deliverableId, :userId)
                        on conflict (deliverable_id) do update set user_id = excluded.user_id, recorded_at = now()
                        where deliverable_owners.user_id <> excluded.user_id""")
                .param("deliverableId", deliverableId)
                .param("userId", userId)
                .update();
    }

    /** @throws DeliverableNotFoundException when the deliverable is known to belong to another user */
    public void requireOwner(UUID deliverableId, UUID userId) {
        Optional<UUID> owner = jdbc.sql("select user_id from deliverable_owners where deliverable_id = :deliverableId")
                .param("deliverableId", deliverableId)
                .query(UUID.class)
                .optional();
        if (owner.isPresent() && !owner.get().equals(userId)) {
            throw new DeliverableNotFoundException(deliverableId);
        }
    }
}
