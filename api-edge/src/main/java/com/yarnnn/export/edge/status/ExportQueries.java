package com.yarnnn.export.edge.status;

import com.yarnnn.export.edge.problem.ApiProblemException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/** A user's own exports, one or a page of them: what the HTTP routes and the MCP tools both answer from. */
@Service
public class ExportQueries {

    private final ExportStatusRepository statuses;

    ExportQueries(ExportStatusRepository statuses) {
        this.statuses = statuses;
    }

    /** The export if the user owns it; another user's export is not found, as one that does not exist. */
    public ExportStatusView owned(UUID userId, UUID exportId) {
        return find(userId, exportId).orElseThrow(() -> new ExportNotFoundException(exportId));
    }

    public Optional<ExportStatusView> find(UUID userId, UUID exportId) {
        return statuses.find(exportId, userId);
    }

    /** The user's exports matching the filter, newest first, {@code limit} at most after the cursor. */
    public ExportPage page(UUID userId, ExportFilter filter, int limit, String cursor) {
        if (filter.from() != null && filter.to() != null && !filter.from().isBefore(filter.to())) {
            throw new ApiProblemException(HttpStatus.BAD_REQUEST, "from must be before to");
        }
        ExportCursor after = cursor != null ? ExportCursor.decode(cursor) : null;
        List<ExportStatusView> exports = statuses.page(userId, filter, after, limit + 1);
        if (exports.size() <= limit) {
            return new ExportPage(exports, null);
        }
        List<ExportStatusView> shown = exports.subList(0, limit);
        return new ExportPage(List.copyOf(shown), ExportCursor.after(shown.get(limit - 1)).encode());
    }
}
