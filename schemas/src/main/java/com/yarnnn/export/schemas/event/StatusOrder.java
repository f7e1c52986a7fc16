package com.yarnnn.export.schemas.event;

import java.time.Instant;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The one rule for the order in which an export's status may move, used by the projection's SQL and by the live
 * status stream alike: a position supersedes another when it is later by attempt, then by state rank, then by time
 * (a later wait replaces an earlier one); a terminal position of an attempt supersedes anything of that attempt or an
 * earlier one; a terminal state moves only by a requeue to a later attempt, and SUCCEEDED never moves.
 */
public final class StatusOrder {

    /** Where an export's status stands: its state, the attempt and when it got there. */
    public record Position(ExportState state, int attempt, Instant at) {
    }

    private StatusOrder() {
    }

    /** @param requeue whether {@code next} sends a FAILED or DEAD_LETTERED export again */
    public static boolean supersedes(Position next, Position current, boolean requeue) {
        ExportState state = current.state();
        if (state.isTerminal()) {
            return requeue && state != ExportState.SUCCEEDED && next.attempt() > current.attempt();
        }
        if (next.state().isTerminal()) {
            return next.attempt() >= current.attempt();
        }
        if (next.attempt() != current.attempt()) {
            return next.attempt() > current.attempt();
        }
        int rank = Integer.compare(next.state().rank(), state.rank());
        return rank > 0 || rank == 0 && next.at().isAfter(current.at());
    }

    /** {@link ExportState#rank()} in SQL, of a column holding a state's name. */
    public static String rankSql(String stateColumn) {
        return Arrays.stream(ExportState.values())
                .map(state -> "when '" + state.name() + "' then " + state.rank())
                .collect(Collectors.joining(" ", "case " + stateColumn + " ", " end"));
    }
}
