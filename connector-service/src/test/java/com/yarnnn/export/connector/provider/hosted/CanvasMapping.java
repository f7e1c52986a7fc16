package com.yarnnn.export.connector.provider.hosted;

import com.yarnnn.export.connector.provider.DeliveryReceipt;
import com.yarnnn.export.connector.provider.ExportReference;
import com.yarnnn.export.schemas.event.ExportRequested;
import java.util.Map;

/**
 * The "small mapping class" a new hosted server needs, as an operator would write one: the deliverable as a Slack
 * canvas through the hosted server's {@code slack_create_canvas}. Everything else comes from configuration.
 */
public class CanvasMapping implements HostedToolMapping {

    @Override
    public void checkDestination(String destinationId) {
    }

    @Override
    public DeliveryReceipt deliver(HostedTools tools, ExportRequested request) {
        ToolAnswer created = tools.require("slack_create_canvas", Map.of("title", request.title(),
                "content", request.content() + "\n\n" + ExportReference.line(request.exportId())));
        return new DeliveryReceipt(created.json().path("canvas_id").asString(),
                created.json().path("canvas_url").asString());
    }
}
