package com.yarnnn.export.schemas.event;

/** What asked for an export: a person through the API, or the approval of a deliverable version. */
public enum ExportTrigger {
    MANUAL,
    APPROVAL
}
