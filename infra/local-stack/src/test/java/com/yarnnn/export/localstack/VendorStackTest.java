package com.yarnnn.export.localstack;

import com.yarnnn.export.connector.connection.ConnectionStore;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;

/**
 * A local stack whose Slack, Notion and Gmail providers run their real MCP servers against local fakes of the
 * vendors' APIs, with the test user connected to each.
 */
abstract class VendorStackTest extends LocalStackTest {

    static VendorFakes fakes;

    static void startStackWithFakes(Map<String, Object> changes) throws IOException {
        fakes = new VendorFakes();
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
