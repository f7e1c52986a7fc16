package com.yarnnn.export.edge.ops;

import com.yarnnn.export.schemas.event.ExportState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What the projection knows of parked exports: their status now, the destination's name, and for each parked record
 * the {@code DEAD_LETTERED} entry of the export's history that parking it wrote (the first one at or after the
 * record's time: export-consumer writes the record, then publishes that outcome), with its attempt and error.
 */
@Component
class ParkedExportDetails {

    private record Export(ExportState status, String destinationName, List<DeadLettered> deadLettered) {
    }

    private record DeadLettered(int attempt, String errorCode, String errorMessage, Instant at) {
    }

    private final JdbcClient jdbc;

    ParkedExportDetails(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The entries, in the same order, completed from the database. */
    List<DeadLetterEntry> complete(List<DeadLetterEntry> entries) {
        Map<UUID, Export> exports = exports(entries.stream().map(DeadLetterEntry::exportId)
                .filter(Objects::nonNull).distinct().toList());
        return entries.stream().map(entry -> complete(entry, exports.get(entry.exportId()))).toList();
    }

    private static DeadLetterEntry complete(DeadLetterEntry e, Export export) {
        if (e.exportId() == null) {
            return withDetails(e, null, null, null, DeadLetterEntry.UNREADABLE, "The record could not be read");
        }
        if (export == null) {
            return withDetails(e, null, null, null, firstFailureCode(e), null);
        }
        DeadLettered parking = export.deadLettered().stream().filter(d -> !d.at().isBefore(e.parkedAt()))
                .findFirst().orElse(null);
        return parking == null
                ? withDetails(e, export.status(), export.destinationName(), null, firstFailureCode(e), null)
                : withDetails(e, export.status(), export.destinationName(), parking.attempt(), parking.errorCode(),
                        parking.errorMessage());
    }

    private static DeadLetterEntry withDetails(DeadLetterEntry e, ExportState status, String destinationName,
            Integer attempts, String errorCode, String errorMessage) {
        return new DeadLetterEntry(e.provider(), e.partition(), e.offset(), e.parkedAt(), e.exportId(), e.userId(),
                e.destinationId(), destinationName, attempts, errorCode, errorMessage, e.firstFailure(), e.cause(),
                status);
    }

    /** Until the projection has the parking outcome: the code of the first failure ({@code code: message}). */
    private static String firstFailureCode(DeadLetterEntry e) {
        if (e.firstFailure() == null) {
            return null;
        }
        int colon = e.firstFailure().indexOf(':');
        return colon < 0 ? e.firstFailure() : e.firstFailure().substring(0, colon);
    }

    private Map<UUID, Export> exports(List<UUID> ids) {
        Map<UUID, Export> exports = new HashMap<>();
        if (ids.isEmpty()) {
            return exports;
        }
        jdbc.sql("""
                        select s.export_id, s.status, s.destination_name,
                               l.attempt, l.error_code, l.error_message, l.occurred_at
                          from export_status s
                          left join export_log l on l.export_id = s.export_id and l.status = 'DEAD_LETTERED'
                         where s.export_id in (:ids)
                         order by l.occurred_at""")
                .param("ids", ids)
                .query((rs, row) -> {
                    ExportState status = ExportState.valueOf(rs.getString("status"));
                    String destinationName = rs.getString("destination_name");
                    Export export = exports.computeIfAbsent(rs.getObject("export_id", UUID.class),
                            id -> new Export(status, destinationName, new ArrayList<>()));
                    if (rs.getTimestamp("occurred_at") != null) {
                        export.deadLettered().add(new DeadLettered(rs.getInt("attempt"), rs.getString("error_code"),
                                rs.getString("error_message"), rs.getTimestamp("occurred_at").toInstant()));
                    }
                    return export;
                })
                .list();
        return exports;
    }
}
