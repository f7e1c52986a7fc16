package com.yarnnn.export.edge.contract;

import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.StringSchema;

/** The contract's examples, as constants the routes' annotations can name. */
public final class ContractExamples {

    public static final String EXPORT_ID = "6f1c1c1e-3b1a-4b8e-9a59-0c6b5d1e2f10";
    public static final String PREFERENCE_APPLIED = "Preference-Applied";

    /** The design's request (issue 18): what its ExportActionBar sends. */
    public static final String DESIGN_EXPORT_REQUEST = """
            {"provider_id": "slack", "destination_id": "C0123456789", "title": "Weekly report",
             "content": "## Highlights\\n\\n- Revenue **up 12%**\\n",
             "deliverable_version_id": "8d0f4f52-6a3e-4c55-9b55-3f1f3c7f2f10"}""";

    /** The same with this API's additions. */
    public static final String EXPORT_REQUEST = """
            {"provider_id": "folder", "destination_id": "reports", "title": "Weekly report",
             "content": "## Highlights\\n\\n- Revenue **up 12%**\\n",
             "deliverable_id": "00000000-0000-4000-8000-00000000d001",
             "deliverable_version_id": "8d0f4f52-6a3e-4c55-9b55-3f1f3c7f2f10", "destination_name": "Reports"}""";

    public static final String EXPORT_ACCEPTED = """
            {"export_id": "6f1c1c1e-3b1a-4b8e-9a59-0c6b5d1e2f10", "status": "QUEUED",
             "status_url": "/api/exports/6f1c1c1e-3b1a-4b8e-9a59-0c6b5d1e2f10"}""";

    /** The design's answer ({@code success}, {@code external_id}, {@code external_url}) and where to follow it. */
    public static final String EXPORT_DELIVERED = """
            {"success": true, "external_id": "C0123456789/1764664800.000100",
             "external_url": "https://example.slack.com/archives/C0123456789/p1764664800000100",
             "export_id": "6f1c1c1e-3b1a-4b8e-9a59-0c6b5d1e2f10", "status": "SUCCEEDED",
             "status_url": "/api/exports/6f1c1c1e-3b1a-4b8e-9a59-0c6b5d1e2f10"}""";

    public static final String EXPORT_STATUS = """
            {"export_id": "6f1c1c1e-3b1a-4b8e-9a59-0c6b5d1e2f10", "status": "SUCCEEDED", "attempt": 1,
             "provider_id": "slack", "destination_id": "C0123456789", "destination_name": "#reports",
             "title": "Weekly report", "trigger": "MANUAL",
             "external_id": "C0123456789/1764664800.000100",
             "external_url": "https://example.slack.com/archives/C0123456789/p1764664800000100",
             "created_at": "2026-12-02T08:40:00Z", "started_at": "2026-12-02T08:40:00.2Z",
             "completed_at": "2026-12-02T08:40:01Z", "updated_at": "2026-12-02T08:40:01Z",
             "attempts": [{"status": "SUCCEEDED", "attempt": 1,
               "external_url": "https://example.slack.com/archives/C0123456789/p1764664800000100",
               "occurred_at": "2026-12-02T08:40:01Z"}]}""";

    /** Two events of {@code GET /api/exports/{id}/events}. */
    public static final String STATUS_EVENTS = """
            event:status
            data:{"export_id":"6f1c1c1e-3b1a-4b8e-9a59-0c6b5d1e2f10","status":"RUNNING","attempt":1,…}

            event:status
            data:{"export_id":"6f1c1c1e-3b1a-4b8e-9a59-0c6b5d1e2f10","status":"SUCCEEDED","attempt":1,…}
            """;

    private ContractExamples() {
    }

    static Header preferenceApplied() {
        return new Header().description("The wait applied, at most 30 s").schema(new StringSchema().example("wait=10"));
    }
}
