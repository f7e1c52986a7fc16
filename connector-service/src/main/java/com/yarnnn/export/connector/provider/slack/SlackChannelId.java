package com.yarnnn.export.connector.provider.slack;

import com.yarnnn.export.connector.provider.InvalidDestinationException;
import java.util.regex.Pattern;

/** A Slack channel id: {@code C…} for a channel, {@code G…} for an older private one; never a {@code #name}. */
final class SlackChannelId {

    private static final Pattern ID = Pattern.compile("[CG][A-Z0-9]{8,11}");

    private SlackChannelId() {
    }

    static String require(String destinationId) {
        if (destinationId == null || !ID.matcher(destinationId).matches()) {
            throw new InvalidDestinationException("A Slack destination is a channel id such as C0123456789 "
                    + "(pick the channel from the list of destinations; a #name is not an id)");
        }
        return destinationId;
    }
}
