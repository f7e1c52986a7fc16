package com.yarnnn.export.edge.ops;

import com.yarnnn.export.edge.problem.ApiProblemException;
import com.yarnnn.export.schemas.Topics;
import java.util.Arrays;
import java.util.function.UnaryOperator;
import org.springframework.http.HttpStatus;

/** The two topics where export-consumer sets a provider's requests aside. */
enum ParkingTopic {

    /** Out of attempts or unreadable: an operator may replay them one by one or in a filtered batch. */
    DEAD_LETTERS("dead-letters", Topics::deadLetter),
    /** Requeued once and failed again: a person looks at each one; never replayed in bulk. */
    PARKED("parked", Topics::parked);

    private final String path;
    private final UnaryOperator<String> topicOf;

    ParkingTopic(String path, UnaryOperator<String> topicOf) {
        this.path = path;
        this.topicOf = topicOf;
    }

    /** The kind a route's {@code dead-letters} or {@code parked} segment names; any other is a 404 problem. */
    static ParkingTopic ofPath(String segment) {
        return Arrays.stream(values()).filter(kind -> kind.path.equals(segment)).findFirst()
                .orElseThrow(() -> new ApiProblemException(HttpStatus.NOT_FOUND, "There are no '" + segment
                        + "' records: the operators' lists are dead-letters and parked"));
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
