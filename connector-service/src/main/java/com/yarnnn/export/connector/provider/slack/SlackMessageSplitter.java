package com.yarnnn.export.connector.provider.slack;

import java.util.ArrayList;
import java.util.List;
import java.util.ListIterator;

/**
 * Packs mrkdwn blocks into messages of at most {@code maxChars}, blocks separated by a blank line. A block
 * that fits no message is cut at a line end (or else between words) where its formatting allows; a code block
 * cut in two is closed at the end of one message and opened again at the start of the next.
 */
final class SlackMessageSplitter {

    private static final String SEPARATOR = "\n\n";
    private static final String FENCE = "```";

    private final int maxChars;

    SlackMessageSplitter(int maxChars) {
        this.maxChars = maxChars;
    }

    List<String> split(List<MrkdwnBlock> blocks) {
        List<String> messages = new ArrayList<>();
        StringBuilder message = new StringBuilder();
        for (MrkdwnBlock block : blocks) {
            MrkdwnBlock rest = block;
            while (rest != null) {
                int room = maxChars - message.length() - (message.isEmpty() ? 0 : SEPARATOR.length());
                if (rest.text().length() <= room) {
                    append(message, rest.text());
                    rest = null;
                    continue;
                }
                if (!message.isEmpty() && (rest.text().length() <= maxChars || room < maxChars / 4)) {
                    messages.add(message.toString());
                    message.setLength(0);
                    continue;
                }
                Cut cut = cut(rest, room);
                append(message, cut.head());
                messages.add(message.toString());
                message.setLength(0);
                rest = cut.tail();
            }
        }
        if (!message.isEmpty()) {
            messages.add(message.toString());
        }
        return messages;
    }

    private record Cut(String head, MrkdwnBlock tail) {
    }

    /** The longest head of at most {@code room} chars: at a line end if one is past half the room, else a word. */
    private static Cut cut(MrkdwnBlock block, int room) {
        Cut atLine = null;
        Cut atWord = null;
        for (ListIterator<MrkdwnBlock.Break> it = block.breaks().listIterator(block.breaks().size()); it.hasPrevious(); ) {
            MrkdwnBlock.Break candidate = it.previous();
            if (candidate.at() > room || (candidate.line() ? atLine != null : atWord != null)) {
                continue;
            }
            Cut cut = cutAt(block, candidate.at(), 1, candidate.resume());
            if (cut != null && cut.head().length() <= room && !cut.head().isBlank()) {
                if (candidate.line()) {
                    atLine = cut;
                } else {
                    atWord = cut;
                }
            }
            if (atLine != null && atWord != null) {
                break;
            }
        }
        if (atLine != null && (atLine.head().length() >= room / 2 || atWord == null)) {
            return atLine;
        }
        if (atWord != null) {
            return atWord;
        }
        return hardCut(block, room);
    }

    /** No break fits: cut inside a word or line, still closing a code block it falls in. */
    private static Cut hardCut(MrkdwnBlock block, int room) {
        String text = block.text();
        for (int at = Math.min(room, text.length() - 1); at > 0; at--) {
            if (Character.isLowSurrogate(text.charAt(at))) {
                continue;
            }
            Cut cut = cutAt(block, at, 0, "");
            if (cut != null && cut.head().length() <= room) {
                return cut;
            }
        }
        throw new IllegalArgumentException("a message limit of " + room + " chars leaves no room to cut a block");
    }

    /**
     * Splits at {@code at}, dropping {@code dropped} chars there. When the cut falls inside a code block, the
     * head gets a closing fence and the tail an opening one, each with the lines' prefix (indentation, quote);
     * null when that would leave an empty code block or cut a fence line.
     */
    private static Cut cutAt(MrkdwnBlock block, int at, int dropped, String resume) {
        String text = block.text();
        String head = text.substring(0, at);
        String tail = resume + text.substring(at + dropped);
        String fencePrefix = openFencePrefix(text, at);
        if (fencePrefix != null) {
            int lineStart = text.lastIndexOf('\n', at - 1) + 1;
            int lineEnd = text.indexOf('\n', at + dropped);
            if (text.substring(lineStart, lineEnd < 0 ? text.length() : lineEnd).contains(FENCE)) {
                return null;
            }
            head = head + (head.endsWith("\n") ? "" : "\n") + fencePrefix + FENCE;
            tail = fencePrefix + FENCE + "\n" + tail;
        }
        int shift = tail.length() - (text.length() - at) - at;
        List<MrkdwnBlock.Break> breaks = new ArrayList<>();
        for (MrkdwnBlock.Break b : block.breaks()) {
            if (b.at() >= at + dropped) {
                breaks.add(new MrkdwnBlock.Break(b.at() + shift, b.line(), b.resume()));
            }
        }
        return new Cut(head, new MrkdwnBlock(tail, breaks));
    }

    /**
     * The prefix of the code block's fence when {@code at} is inside one, else null. Fences are the only lines
     * holding three backticks (text escapes them), and the closing one holds just the lines' prefix.
     */
    private static String openFencePrefix(String text, int at) {
        int fences = 0;
        int index = text.indexOf(FENCE);
        while (index >= 0 && index < at) {
            fences++;
            index = text.indexOf(FENCE, index + FENCE.length());
        }
        if (fences % 2 == 0 || index < 0) {
            return null;
        }
        int lineStart = text.lastIndexOf('\n', index) + 1;
        return text.substring(lineStart, index);
    }

    private static void append(StringBuilder message, String text) {
        if (!message.isEmpty()) {
            message.append(SEPARATOR);
        }
        message.append(text);
    }
}
