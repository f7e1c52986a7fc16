package com.yarnnn.export.edge.ops;

import com.yarnnn.export.schemas.Topics;
import java.util.function.UnaryOperator;

/** The two topics where export-consumer sets a provider's requests aside. */
enum ParkingTopic {

    /** Out of attempts or unreadable: an operator may replay them one by one or in a filtered batch. */
    DEAD_LETTERS(Topics::deadLetter),
    /** Requeued once and failed again: a person looks at each one; never replayed in bulk. */
    PARKED(Topics::parked);

    private final UnaryOperator<String> topicOf;

    ParkingTopic(UnaryOperator<String> topicOf) {
        this.topicOf = topicOf;
    }

    String topic(String provider) {
        return topicOf.apply(provider);
    }

    /** A dead-letter or parking topic and the provider it belongs to. */
    record Source(ParkingTopic kind, String provider) {

        String topic() {
            return kind.topic(provider);
        }
    }
}
