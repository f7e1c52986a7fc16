package com.yarnnn.export.edge.ops;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The operators' page at a glance (role {@code operator}): failures by error code, consumer lag, breakers. */
@RestController
@Tag(name = "operators")
@RequestMapping("/api/ops")
class OperationsOverviewController {

    private final FailureCounts failures;
    private final ConsumerGroupLags lags;
    private final BreakerStates breakers;

    OperationsOverviewController(FailureCounts failures, ConsumerGroupLags lags, BreakerStates breakers) {
        this.failures = failures;
        this.lags = lags;
        this.breakers = breakers;
    }

    @Operation(operationId = "countFailures", summary = "Every provider's dead-lettered and parked requests, counted "
            + "by their last error's code",
            description = "`waiting` counts the records a replay would send (their export is still failed), `total` "
                    + "every record on the topic.")
    @ApiResponse(responseCode = "200", description = "One entry per provider", useReturnTypeSchema = true)
    @GetMapping("/failures")
    List<FailureCounts.ProviderFailures> failures() {
        return failures.byProvider();
    }

    @Operation(operationId = "consumerLag", summary = "The lag of the pipeline's consumer groups",
            description = "Each provider's workers and retry consumers, the projector and the approval listener: the "
                    + "end offsets minus the committed ones, on the partitions each group has committed on.")
    @ApiResponse(responseCode = "200", description = "One entry per group", useReturnTypeSchema = true)
    @GetMapping("/consumer-lag")
    List<ConsumerGroupLags.GroupLag> consumerLag() {
        return lags.all();
    }

    @Operation(operationId = "breakerStates", summary = "The circuit breakers of the export-consumer instances",
            description = "As each instance last published them (on a change and every heartbeat); instances that "
                    + "did not report within `staleness_sec` are left out. Open and half-open breakers first.")
    @ApiResponse(responseCode = "200", description = "The breakers and how many instances report",
            useReturnTypeSchema = true)
    @GetMapping("/breakers")
    BreakerStates.BreakerReport breakers() {
        return breakers.report();
    }
}
