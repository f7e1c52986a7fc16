package com.yarnnn.export.connector.provider.slack;

import com.yarnnn.export.connector.connection.Connection;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * The link to a posted message, built the way Slack builds permalinks, since {@code server-slack} has no
 * {@code chat.getPermalink} tool: {@code https://<team domain>.slack.com/archives/<channel>/p<ts without the dot>}
 * when the connection knows its workspace's domain ({@code team_domain} in its metadata); otherwise Slack's
 * {@code app_redirect} link, which opens the channel (not the message) in the workspace.
 */
final class SlackPermalink {

    static final String TEAM_DOMAIN = "team_domain";

    private static final Pattern DOMAIN = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

    private SlackPermalink() {
    }

    static String of(Connection connection, String channel, String ts) {
        String domain = connection.metadata().get(TEAM_DOMAIN);
        if (domain != null && DOMAIN.matcher(domain).matches()) {
            return "https://" + domain + ".slack.com/archives/" + channel + "/p" + ts.replace(".", "");
        }
        return "https://slack.com/app_redirect?channel=" + encode(channel) + "&team=" + encode(connection.accountId());
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
