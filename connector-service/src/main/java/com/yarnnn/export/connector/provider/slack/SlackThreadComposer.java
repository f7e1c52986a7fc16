package com.yarnnn.export.connector.provider.slack;

import com.yarnnn.export.connector.provider.ExportReference;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The messages of one export: the title as a bold line, the deliverable in the transport's {@link SlackMarkup},
 * and a footer naming the export, split into messages of at most the limit (and of the markup's own). The first is
 * posted to the channel, the others as replies in its thread, in order; the footer is always at the end of the last
 * one, and a first message with replies ends with a pointer to the thread carrying the same reference, so a later
 * attempt finds it in the channel.
 *
 * <p>A thread, not a canvas, on both transports, though Slack's hosted server can create canvases
 * ({@code slack_create_canvas}): a canvas needs the {@code canvases:write} scope on top of posting's, is not in the
 * channel's flow (readers get a link to open, not the deliverable), and has no reference a later attempt could find
 * it by in the channel's history (the hosted server's canvas tools create and read but list nothing), so a retry
 * after a lost answer would create a second one; a thread is read where the channel is read, and a retry finds its
 * first message by its reference.
 */
final class SlackThreadComposer {

    private final SlackMarkup markup;
    private final SlackMessageFormatter formatter;
    private final SlackMessageSplitter splitter;

    /** In mrkdwn, as the npm server posts it. */
    SlackThreadComposer(int maxMessageChars) {
        this(maxMessageChars, SlackMrkdwn.INSTANCE);
    }

    SlackThreadComposer(int maxMessageChars, SlackMarkup markup) {
        int maxChars = Math.min(maxMessageChars, markup.maxMessageChars()) - threadPointer(UUID.randomUUID()).length();
        this.markup = markup;
        this.formatter = new SlackMessageFormatter(markup, maxChars);
        this.splitter = new SlackMessageSplitter(maxChars);
    }

    List<String> compose(String title, String markdown, UUID exportId) {
        List<SlackTextBlock> blocks = new ArrayList<>();
        String oneLineTitle = title.strip().replaceAll("\\s+", " ");
        if (!oneLineTitle.isEmpty()) {
            blocks.add(SlackTextBlock.of(markup.bold() + markup.text(oneLineTitle, false) + markup.bold()));
        }
        blocks.addAll(formatter.format(markdown));
        blocks.add(SlackTextBlock.of(footer(exportId)));
        List<String> messages = new ArrayList<>(splitter.split(blocks));
        messages.replaceAll(markup::messageStart);
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
