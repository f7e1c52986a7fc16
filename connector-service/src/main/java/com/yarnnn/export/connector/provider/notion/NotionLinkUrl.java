package com.yarnnn.export.connector.provider.notion;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;

/**
 * A link's address as Notion takes it: a well-formed URL of at most {@value #MAX_LENGTH} characters. Characters a URL
 * cannot hold as they are (spaces, {@code |}, a second {@code #}, brackets, …), which browsers and other vendors
 * accept, are percent-escaped rather than losing the link.
 */
final class NotionLinkUrl {

    static final int MAX_LENGTH = 2000;
    private static final String ESCAPED = " \"<>\\^`{|}[]";

    private NotionLinkUrl() {
    }

    static Optional<String> of(String destination) {
        String url = escaped(destination);
        if (url.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        try {
            new URI(url);
            return Optional.of(url);
        } catch (URISyntaxException stillMalformed) {
            return Optional.empty();
        }
    }

    private static String escaped(String url) {
        StringBuilder out = new StringBuilder(url.length());
        boolean inFragment = false;
        for (int i = 0; i < url.length(); i++) {
            char c = url.charAt(i);
            boolean escape = ESCAPED.indexOf(c) >= 0 || (c == '#' && inFragment)
                    || (c == '%' && !(i + 2 < url.length() && isHex(url.charAt(i + 1)) && isHex(url.charAt(i + 2))));
            inFragment |= c == '#';
            out.append(escape ? String.format("%%%02X", (int) c) : String.valueOf(c));
        }
        return out.toString();
    }

    private static boolean isHex(char c) {
        return Character.digit(c, 16) >= 0;
    }
}
