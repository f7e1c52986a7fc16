package com.yarnnn.export.connector.provider.notion;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.commonmark.ext.gfm.strikethrough.Strikethrough;
import org.commonmark.node.Code;
import org.commonmark.node.Emphasis;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.Text;

/**
 * The text of a paragraph, heading or cell as styled runs: emphasis, strong, strikethrough and inline code become
 * annotations, links keep their URL where Notion can take it ({@link NotionLinkUrl}). Adjacent runs of the same
 * style are merged; runs are not yet cut to Notion's lengths.
 */
final class InlineText {

    private final List<RichText> runs = new ArrayList<>();

    private InlineText() {
    }

    static List<RichText> of(Node container, TextStyle style) {
        InlineText text = new InlineText();
        text.children(container, style, null);
        return List.copyOf(text.runs);
    }

    static List<RichText> plain(String text) {
        return text.isEmpty() ? List.of() : List.of(RichText.plain(text));
    }

    static String plainText(List<RichText> runs) {
        StringBuilder out = new StringBuilder();
        runs.forEach(run -> out.append(run.content()));
        return out.toString();
    }

    private void children(Node parent, TextStyle style, String link) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNext()) {
            inline(node, style, link);
        }
    }

    private void inline(Node node, TextStyle style, String link) {
        if (node instanceof Text text) {
            add(text.getLiteral(), style, link);
        } else if (node instanceof Code code) {
            add(code.getLiteral(), style.withCode(), link);
        } else if (node instanceof Emphasis) {
            children(node, style.withItalic(), link);
        } else if (node instanceof StrongEmphasis) {
            children(node, style.withBold(), link);
        } else if (node instanceof Strikethrough) {
            children(node, style.withStrikethrough(), link);
        } else if (node instanceof Link target) {
            children(node, style, NotionLinkUrl.of(target.getDestination()).orElse(null));
        } else if (node instanceof SoftLineBreak) {
            add(" ", style, link);
        } else if (node instanceof HardLineBreak) {
            add("\n", style, link);
        } else {
            children(node, style, link);
        }
    }

    private void add(String content, TextStyle style, String link) {
        if (content.isEmpty()) {
            return;
        }
        if (!runs.isEmpty()) {
            RichText last = runs.get(runs.size() - 1);
            if (last.style().equals(style) && Objects.equals(last.link(), link)) {
                runs.set(runs.size() - 1, new RichText(last.content() + content, style, link));
                return;
            }
        }
        runs.add(new RichText(content, style, link));
    }
}
