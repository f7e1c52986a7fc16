package com.yarnnn.export.edge.integration;

import java.util.List;

/**
 * The answer of {@code GET /api/integrations/available}: the same list under the design's name ({@code integrations})
 * and this API's first one ({@code providers}), so clients written to either read it.
 */
public record AvailableIntegrations(List<AvailableProvider> integrations, List<AvailableProvider> providers) {

    static AvailableIntegrations of(List<AvailableProvider> available) {
        return new AvailableIntegrations(available, available);
    }
}
