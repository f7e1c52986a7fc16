package com.yarnnn.export.edge.status;

import java.util.List;

/** One page of the history, newest first; {@code nextCursor} is null on the last page. */
public record ExportPage(List<ExportStatusView> exports, String nextCursor) {
}
