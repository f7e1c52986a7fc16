package com.yarnnn.export.connector.provider.markdown;

import java.util.ArrayList;
import java.util.List;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.node.Heading;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;

/** Moves and finds nodes of a commonmark tree. */
final class Nodes {

    private Nodes() {
    }

    /** Every node of the type below {@code root}, in document order. */
    static <T extends Node> List<T> all(Node root, Class<T> type) {
        List<T> found = new ArrayList<>();
        for (Node child = root.getFirstChild(); child != null; child = child.getNext()) {
            if (type.isInstance(child)) {
                found.add(type.cast(child));
            }
            found.addAll(all(child, type));
        }
        return found;
    }

    /** The node's children, taken out of it. */
    static List<Node> takeChildren(Node parent) {
        List<Node> children = new ArrayList<>();
        for (Node child = parent.getFirstChild(); child != null; child = parent.getFirstChild()) {
            child.unlink();
            children.add(child);
        }
        return children;
    }

    static void appendAll(Node parent, List<Node> children) {
        children.forEach(parent::appendChild);
    }

    /** The node replaced by {@code replacements}, in order. */
    static void replace(Node node, List<Node> replacements) {
        replacements.forEach(node::insertBefore);
        node.unlink();
    }

    /** The paragraph, heading or table cell an inline node is in. */
    static Node inlineHolder(Node inline) {
        Node holder = inline.getParent();
        while (!(holder instanceof Paragraph || holder instanceof Heading || holder instanceof TableCell)) {
            holder = holder.getParent();
        }
        return holder;
    }

    static boolean isWithin(Node node, Node root) {
        for (Node ancestor = node; ancestor != null; ancestor = ancestor.getParent()) {
            if (ancestor == root) {
                return true;
            }
        }
        return false;
    }
}
