package com.yarnnn.export.connector.provider.gmail;

import com.yarnnn.export.connector.provider.InvalidDestinationException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A Gmail destination id: one or more bare email addresses separated by commas, at most {@value #MAX}. */
final class GmailRecipients {

    static final int MAX = 50;

    private GmailRecipients() {
    }

    /** The addresses in order, each once. */
    static List<String> parse(String destinationId) {
        if (destinationId == null || destinationId.isBlank()) {
            throw new InvalidDestinationException("A Gmail destination is one or more email addresses separated by commas");
        }
        Map<String, String> unique = new LinkedHashMap<>();
        for (String part : destinationId.split(",", -1)) {
            String address = part.strip();
            if (!isBareAddress(address)) {
                throw new InvalidDestinationException(address.isEmpty()
                        ? "A Gmail destination lists email addresses separated by single commas"
                        : "'" + address + "' is not an email address");
            }
            unique.putIfAbsent(address.toLowerCase(Locale.ROOT), address);
        }
        if (unique.size() > MAX) {
            throw new InvalidDestinationException("A Gmail export goes to at most " + MAX + " recipients");
        }
        return List.copyOf(unique.values());
    }

    private static boolean isBareAddress(String address) {
        try {
            InternetAddress parsed = new InternetAddress(address, true);
            return parsed.getPersonal() == null && parsed.getAddress().equals(address) && address.indexOf('@') > 0;
        } catch (AddressException e) {
            return false;
        }
    }
}
