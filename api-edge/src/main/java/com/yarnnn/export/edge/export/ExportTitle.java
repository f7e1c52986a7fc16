package com.yarnnn.export.edge.export;

import java.util.ArrayList;
import java.util.List;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.Heading;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;

/**
 * The title of an export sent without one: the content's first heading, else its first line, else "Untitled". The
 * markdown is parsed rather than scanned for '#', so a '#' line inside a code block is not taken for a heading.
 */
public final class ExportTitle {

    static final String UNTITLED = "Untitled";
    static final int MAX_LENGTH = 500;

    private static final Parser PARSER = Parser.builder().build();

    private ExportTitle() {
    }

    /** @return the title the request names, or one taken from its content */
    public static String of(ExportRequestBody body) {
        if (body.title() != null && !body.title().isBlank()) {
            return body.title().strip();
        }
        String content = body.content() != null ? body.content() : "";
        String derived = firstHeading(PARSER.parse(content));
        if (derived.isEmpty()) {
            derived = content.strip().lines().findFirst().orElse("").strip();
        }
        if (derived.isEmpty()) {
            return UNTITLED;
        }
        return derived.length() > MAX_LENGTH ? derived.substring(0, MAX_LENGTH).strip() : derived;
    }

    private static String firstHeading(Node document) {
        List<String> headings = new ArrayList<>();
        document.accept(new AbstractVisitor() {
            @Override
            public void visit(Heading heading) {
                String text = plainText(heading);
                if (!text.isEmpty()) {
                    headings.add(text);
                }
            }
        });
        return headings.isEmpty() ? "" : headings.get(0);
    }

    /** The heading's words without their markup (emphasis, code spans, links). */
    private static String plainText(Node heading) {
        StringBuilder text = new StringBuilder();
        heading.accept(new AbstractVisitor() {
            @Override
            public void visit(Text node) {
                text.append(node.getLiteral());
            }

            @Override
            public void visit(Code node) {
                text.append(node.getLiteral());
            }
        });
        return text.toString().strip();
    }
}
