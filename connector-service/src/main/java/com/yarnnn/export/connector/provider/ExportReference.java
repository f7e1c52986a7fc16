package com.yarnnn.export.connector.provider;

import java.util.UUID;

/**
 * How what a provider delivers names its export, so that people can tell exports apart and a later attempt
 * recognises what an earlier one left (a Slack message, a Notion page, a file): the export id's first eight
 * characters, as {@code ref 1a2b3c4d} in the line {@code Exported from YARNNN · ref 1a2b3c4d}.
 */
public final class ExportReference {

    private static final int SHORT_ID_LENGTH = 8;

    private ExportReference() {
    }

    /** {@code 1a2b3c4d}: short enough for a footer or a file name, long enough to tell a user's exports apart. */
    public static String shortId(UUID exportId) {
        return exportId.toString().substring(0, SHORT_ID_LENGTH);
    }

    /** {@code ref 1a2b3c4d}: what a later attempt looks for. */
    public static String of(UUID exportId) {
        return "ref " + shortId(exportId);
    }

    /** {@code Exported from YARNNN · ref 1a2b3c4d}: the line that names the export where it was delivered. */
    public static String line(UUID exportId) {
        return "Exported from YARNNN · " + of(exportId);
    }
}
