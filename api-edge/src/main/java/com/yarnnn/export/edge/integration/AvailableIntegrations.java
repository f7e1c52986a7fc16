package com.yarnnn.export.edge.integration;

import java.util.List;

/** The answer of {@code GET /api/integrations/available}; an object, so that fields can be added later. */
public record AvailableIntegrations(List<AvailableProvider> providers) {
}
