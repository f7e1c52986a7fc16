package com.yarnnn.export.edge.preference;

import java.util.List;

/** The answer of {@code GET /api/deliverables/{id}/export-preferences}. */
record ExportPreferenceList(List<ExportPreference> preferences) {
}
