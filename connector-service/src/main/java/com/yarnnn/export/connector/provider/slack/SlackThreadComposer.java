package com.yarnnn.export.connector.provider.slack;

import com.yarnnn.export.connector.provider.ExportReference;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The messages of one export: the title as a bold line, the deliverable in mrkdwn, and a footer naming the
 * export, split into messages of at most the limit. The first is posted to the channel, the others as replies
 * in its thread, in order; the footer is always at the end of the last one, and a first message with replies
 * ends with a pointer to the thread carrying the same reference, so a later attempt finds it in the channel.
 */
final class SlackThreadComposer {

    private final SlackMrkdwnFormatter formatter = new SlackMrkdwnFormatter();
    private final SlackMessageSplitter splitter;

    SlackThreadComposer(int maxMessageChars) {
        this.splitter = new SlackMessageSplitter(maxMessageChars - threadPointer(UUID.randomUUID()).length());
    }

    List<String> compose(String title, String markdown, UUID exportId) {
        List<MrkdwnBlock> blocks = new ArrayList<>();
        String oneLineTitle = title.strip().replaceAll("\\s+", " ");
        if (!oneLineTitle.isEmpty()) {
            blocks.add(MrkdwnBlock.of("*" + SlackMrkdwn.escape(oneLineTitle) + "*"));
        }
        blocks.addAll(formatter.format(markdown));
        blocks.add(MrkdwnBlock.of(footer(exportId)));
        List<String> messages = new ArrayList<>(splitter.split(blocks));
        if (messages.size() > 1) {
            messages.set(0, messages.get(0) + threadPointer(exportId));
        }
        return messages;
    }

    private static String threadPointer(UUID exportId) {
        return "\n\n_Continued in the thread · " + ExportReference.of(exportId) + "_";
    }

    /** Names the export, so a later attempt can recognise what is already in the channel. */
    static String footer(UUID exportId) {
        return "_" + ExportReference.line(exportId) + "_";
    }
}
