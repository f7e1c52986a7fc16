package com.yarnnn.export.connector.provider.slack;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

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

    List<String> split(List<SlackTextBlock> blocks) {
        List<String> messages = new ArrayList<>();
        StringBuilder message = new StringBuilder();
        for (SlackTextBlock block : blocks) {
            Rest rest = new Rest(block);
            while (rest != null) {
                int room = maxChars - message.length() - (message.isEmpty() ? 0 : SEPARATOR.length());
                if (rest.length() <= room) {
                    append(message, rest.text());
                    rest = null;
                    continue;
                }
                if (!message.isEmpty() && (rest.length() <= maxChars || room < maxChars / 4)) {
                    messages.add(message.toString());
                    message.setLength(0);
                    continue;
                }
                Cut cut = rest.cut(room);
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

    private static void append(StringBuilder message, String text) {
        if (!message.isEmpty()) {
            message.append(SEPARATOR);
        }
        message.append(text);
    }

    private record Cut(String head, Rest tail) {
    }

    /** What is left of a block to place: its text from {@code from}, after {@code lead} (a reopened fence, a prefix). */
    private static final class Rest {

        private final SlackTextBlock block;
        private final int[] fences;
        private final int from;
        private final String lead;

        Rest(SlackTextBlock block) {
            this(block, fences(block.text()), 0, "");
        }

        private Rest(SlackTextBlock block, int[] fences, int from, String lead) {
            this.block = block;
            this.fences = fences;
            this.from = from;
            this.lead = lead;
        }

        int length() {
            return lead.length() + block.text().length() - from;
        }

        String text() {
            return lead + block.text().substring(from);
        }

        /** The longest head of at most {@code room} chars: at a line end if one is past half the room, else a word. */
        Cut cut(int room) {
            Cut atLine = null;
            Cut atWord = null;
            List<SlackTextBlock.Break> breaks = block.breaks();
            for (int i = lastBreakAtOrBefore(from + room - lead.length()); i >= 0 && (atLine == null || atWord == null); i--) {
                SlackTextBlock.Break candidate = breaks.get(i);
                if (candidate.at() <= from) {
                    break;
                }
                if (candidate.line() ? atLine != null : atWord != null) {
                    continue;
                }
                Cut cut = cutAt(candidate.at(), 1, candidate.resume());
                if (cut != null && cut.head().length() <= room && !cut.head().isBlank()) {
                    if (candidate.line()) {
                        atLine = cut;
                    } else {
                        atWord = cut;
                    }
                }
            }
            if (atLine != null && (atLine.head().length() >= room / 2 || atWord == null)) {
                return atLine;
            }
            return atWord != null ? atWord : hardCut(room);
        }

        /** No break fits: cut inside a word or line, still closing a code block it falls in. */
        private Cut hardCut(int room) {
            String text = block.text();
            for (int at = Math.min(from + room - lead.length(), text.length() - 1); at > from; at--) {
                if (Character.isLowSurrogate(text.charAt(at))) {
                    continue;
                }
                Cut cut = cutAt(at, 0, "");
                if (cut != null && cut.head().length() <= room) {
                    return cut;
                }
            }
            throw new IllegalArgumentException("a message limit of " + room + " chars leaves no room to cut a block");
        }

        /**
         * Splits at {@code at}, dropping {@code dropped} chars there. When the cut falls inside a code block, the
         * head gets a closing fence and the rest an opening one, each with the lines' prefix (indentation, quote);
         * null when that would leave an empty code block or cut a fence line.
         */
        private Cut cutAt(int at, int dropped, String resume) {
            String text = block.text();
            String head = lead + text.substring(from, at);
            String tailLead = resume;
            String fencePrefix = openFencePrefix(at);
            if (fencePrefix != null) {
                int lineStart = text.lastIndexOf('\n', at - 1) + 1;
                int lineEnd = text.indexOf('\n', at + dropped);
                if (text.substring(lineStart, lineEnd < 0 ? text.length() : lineEnd).contains(FENCE)) {
                    return null;
                }
                head = head + (head.endsWith("\n") ? "" : "\n") + fencePrefix + FENCE;
                tailLead = fencePrefix + FENCE + "\n" + resume;
            }
            return new Cut(head, new Rest(block, fences, at + dropped, tailLead));
        }

        /**
         * The prefix of the code block's fence when {@code at} is inside one, else null. Fences are the only places
         * holding three backticks (text escapes them), and the closing one's line holds just the lines' prefix.
         */
        private String openFencePrefix(int at) {
            int search = Arrays.binarySearch(fences, at);
            int before = search >= 0 ? search : -search - 1;
            if (before % 2 == 0 || before == fences.length) {
                return null;
            }
            int closing = fences[before];
            return block.text().substring(block.text().lastIndexOf('\n', closing) + 1, closing);
        }

        private int lastBreakAtOrBefore(int at) {
            List<SlackTextBlock.Break> breaks = block.breaks();
            int low = 0;
            int high = breaks.size() - 1;
            int found = -1;
            while (low <= high) {
                int mid = (low + high) >>> 1;
                if (breaks.get(mid).at() <= at) {
                    found = mid;
                    low = mid + 1;
                } else {
                    high = mid - 1;
                }
            }
            return found;
        }

        private static int[] fences(String text) {
            List<Integer> fences = new ArrayList<>();
            for (int i = text.indexOf(FENCE); i >= 0; i = text.indexOf(FENCE, i + FENCE.length())) {
                fences.add(i);
            }
            return fences.stream().mapToInt(Integer::intValue).toArray();
        }
    }
}
