package com.yarnnn.export.edge.ops;

import com.yarnnn.export.edge.requeue.ExportRequeuer;
import java.util.Map;

/**
 * How a replay went: records sent again ({@code REQUEUED}) or skipped (already replayed, never readable, their export
 * gone), and how many the selection held.
 */
record ReplaySummary(Map<ExportRequeuer.Result, Integer> results, int selected) {
}
