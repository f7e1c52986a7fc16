package com.yarnnn.export.edge.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ToolCallBudgetTest {

    private final ToolCallBudget budget = new ToolCallBudget(
            new McpProperties(null, List.of(), List.of(), Duration.ofSeconds(30), 2));

    @Test
    void aUserBeyondTheBudgetIsToldHowLongToWaitAndAnotherUserIsNotHeldBack() {
        UUID busy = UUID.randomUUID();

        assertThat(budget.spend(busy)).isEmpty();
        assertThat(budget.spend(busy)).isEmpty();
        assertThat(budget.spend(busy)).hasValueSatisfying(wait ->
                assertThat(wait).isPositive().isLessThanOrEqualTo(Duration.ofMinutes(1)));
        assertThat(budget.spend(UUID.randomUUID())).isEmpty();
    }
}
