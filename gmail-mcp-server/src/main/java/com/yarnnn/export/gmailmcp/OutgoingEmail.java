package com.yarnnn.export.gmailmcp;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The arguments of {@code send_message}, checked.
 *
 * @param exportRef the pipeline's export id, or null; sent as {@code X-YARNNN-Export-Ref} and used in the
 *                  {@code Message-ID}, so a resent export carries the same id
 */
record OutgoingEmail(List<InternetAddress> to, List<InternetAddress> cc, String subject, String text, String html,
        String exportRef) {

    static final int MAX_RECIPIENTS = 500;
    private static final Pattern EXPORT_REF = Pattern.compile("[A-Za-z0-9_-]{1,128}");

    OutgoingEmail {
        to = List.copyOf(to);
        cc = List.copyOf(cc);
    }

    static OutgoingEmail fromArguments(Map<String, Object> arguments) {
        List<InternetAddress> to = addresses(arguments, "to");
        List<InternetAddress> cc = addresses(arguments, "cc");
        if (to.isEmpty()) {
            throw new InvalidInputException("'to' needs at least one recipient");
        }
        if (to.size() + cc.size() > MAX_RECIPIENTS) {
            throw new InvalidInputException("at most " + MAX_RECIPIENTS + " recipients (to + cc) per message");
        }
        String subject = string(arguments, "subject", true);
        if (subject.isBlank()) {
            throw new InvalidInputException("'subject' must not be empty");
        }
        if (subject.indexOf('\r') >= 0 || subject.indexOf('\n') >= 0) {
            throw new InvalidInputException("'subject' must be one line");
        }
        String exportRef = string(arguments, "export_ref", false);
        if (exportRef != null && !EXPORT_REF.matcher(exportRef).matches()) {
            throw new InvalidInputException("'export_ref' must be 1-128 letters, digits, '-' or '_'");
        }
        return new OutgoingEmail(to, cc, subject.strip(), string(arguments, "text", true),
                string(arguments, "html", true), exportRef);
    }

    int recipientCount() {
        return to.size() + cc.size();
    }

    private static List<InternetAddress> addresses(Map<String, Object> arguments, String name) {
        Object value = arguments.get(name);
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> list)) {
            throw new InvalidInputException("'" + name + "' must be an array of email addresses");
        }
        List<InternetAddress> addresses = new ArrayList<>(list.size());
        for (Object item : list) {
            if (!(item instanceof String text) || text.isBlank()) {
                throw new InvalidInputException("'" + name + "' must contain email addresses");
            }
            try {
                addresses.add(new InternetAddress(text.strip(), true));
            } catch (AddressException e) {
                throw new InvalidInputException("'" + text.strip() + "' in '" + name + "' is not a valid email address");
            }
        }
        return addresses;
    }

    private static String string(Map<String, Object> arguments, String name, boolean required) {
        Object value = arguments.get(name);
        if (value == null && !required) {
            return null;
        }
        if (!(value instanceof String text)) {
            throw new InvalidInputException("'" + name + "' must be a string");
        }
        return text;
    }
}
