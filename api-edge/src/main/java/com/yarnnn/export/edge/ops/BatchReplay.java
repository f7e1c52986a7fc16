package com.yarnnn.export.edge.ops;

import jakarta.validation.constraints.PositiveOrZero;
import java.time.Instant;

/**
 * A batch replay: the filter, as the list's query takes it, and the count the operator confirmed.
 *
 * @param expectedCount how many dead letters the operator was told would be sent; when the selection holds another
 *                      number by now, nothing is sent (409). Without it, whatever the filter selects is sent
 */
record BatchReplay(Instant from, Instant to, String cause, String errorCode,
        @PositiveOrZero(message = "'expected_count' must be 0 or more") Integer expectedCount) {

    DeadLetterFilter filter() {
        return new DeadLetterFilter(from, to, cause, errorCode);
    }
}
