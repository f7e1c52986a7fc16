package com.yarnnn.export.connector.provider.slack;

import com.yarnnn.export.schemas.event.ExportRequested;
import java.util.List;

/**
 * For tests outside this package: the message texts {@link SlackExportProvider} posts with its default limit, in
 * mrkdwn (transport {@code stdio}) or standard markdown (transport {@code remote}).
 */
public final class SlackSent {

    public static final int MAX_MESSAGE_CHARS = new SlackProperties(null, null).maxMessageChars();

    public static final int HOSTED_SERVER_MAX_MESSAGE_CHARS = Math.min(MAX_MESSAGE_CHARS,
            SlackStandardMarkdown.INSTANCE.maxMessageChars());

    private SlackSent() {
    }

    public static List<String> messages(ExportRequested request) {
        return new SlackThreadComposer(MAX_MESSAGE_CHARS).compose(request.title(), request.content(), request.exportId());
    }

    public static List<String> hostedServerMessages(ExportRequested request) {
        return new SlackThreadComposer(MAX_MESSAGE_CHARS, SlackStandardMarkdown.INSTANCE)
                .compose(request.title(), request.content(), request.exportId());
    }
}
