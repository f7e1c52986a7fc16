package com.yarnnn.export.connector.provider.markdown;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.commonmark.node.Code;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.Text;

/**
 * Where the links of a delivered deliverable lead. Only absolute web and mail addresses are kept: a deliverable
 * has no address of its own that relative links ({@code CHANGELOG.md}) and same-page anchors ({@code #install})
 * could be resolved against, so in Slack, Notion or an email they would lead nowhere; they keep their text only.
 * Images become links to the image showing their alternative text, as no destination shows images from markdown
 * reliably (Slack's text has none, Notion links them, Gmail does not show SVG badges). An image inside a link shows
 * its text in that link, so a linked badge still leads where the source's link led, never to the badge; a link
 * that shows no text at all shows its address.
 */
final class LinkTargets {

    private static final Pattern ABSOLUTE = Pattern.compile("(?i)(?:https?://[^\\s/?#]|mailto:\\S)");

    private LinkTargets() {
    }

    static void applyTo(Node document) {
        Set<Node> emptied = new LinkedHashSet<>();
        for (Image image : Nodes.all(document, Image.class)) {
            Optional<String> target = absolute(image.getDestination());
            if (insideLink(image) || target.isEmpty()) {
                unwrap(image, emptied);
            } else {
                Link link = new Link(target.get(), image.getTitle());
                Nodes.appendAll(link, Nodes.takeChildren(image));
                Nodes.replace(image, List.of(link));
            }
        }
        for (Link link : Nodes.all(document, Link.class)) {
            Optional<String> target = absolute(link.getDestination());
            if (target.isEmpty()) {
                unwrap(link, emptied);
            } else {
                link.setDestination(target.get());
                if (!showsText(link)) {
                    // a badge without alternative text, say: the address is all there is to show
                    Nodes.takeChildren(link);
                    link.appendChild(new Text(target.get()));
                }
            }
        }
        // where a link or image left nothing, the spaces around it would be doubled or lead a paragraph
        emptied.forEach(InlineWhitespace::tidy);
    }

    /** The node replaced by its content; the paragraph it was in is noted when nothing is left of it. */
    private static void unwrap(Node node, Set<Node> emptied) {
        if (node.getFirstChild() == null) {
            emptied.add(Nodes.inlineHolder(node));
        }
        Nodes.replace(node, Nodes.takeChildren(node));
    }

    /** An address any reader can open; a protocol-relative one ({@code //host/path}) is taken as https. */
    static Optional<String> absolute(String destination) {
        String target = destination.strip();
        if (target.startsWith("//")) {
            target = "https:" + target;
        }
        return ABSOLUTE.matcher(target).lookingAt() ? Optional.of(target) : Optional.empty();
    }

    private static boolean insideLink(Node node) {
        for (Node parent = node.getParent(); parent != null; parent = parent.getParent()) {
            if (parent instanceof Link) {
                return true;
            }
        }
        return false;
    }

    private static boolean showsText(Node node) {
        if (node instanceof Text text) {
            return !text.getLiteral().isBlank();
        }
        if (node instanceof Code code) {
            return !code.getLiteral().isBlank();
        }
        for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
            if (showsText(child)) {
                return true;
            }
        }
        return false;
    }
}
