package com.yarnnn.export.localstack;

import com.yarnnn.export.connector.connection.ConnectionStore;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;

/**
 * A local stack whose Slack, Notion and Gmail providers run their real MCP servers against local fakes of the
 * vendors' APIs, with the test user connected to each.
 */
abstract class VendorStackTest extends LocalStackTest {

    static VendorFakes fakes;

    static void startStackWithFakes(Map<String, Object> changes) throws IOException {
        startStackWithFakes(changes, List.of());
    }

    /** The fake Slack also serves these workspaces (bot tokens), for connections the test saves itself. */
    static void startStackWithFakes(Map<String, Object> changes, List<String> moreSlackWorkspaces) throws IOException {
        fakes = new VendorFakes(moreSlackWorkspaces);
        Map<String, Object> properties = new HashMap<>(fakes.properties());
        properties.putAll(changes);
        startStack(properties);
        fakes.connect(stack.edge().getBean(ConnectionStore.class), user);
    }

    @AfterAll
    static void stopFakes() {
        if (fakes != null) {
            fakes.close();
        }
    }
}
