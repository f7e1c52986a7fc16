/**
 * What a call to a vendor failed with, whichever part of the library made it: a
 * {@link com.yarnnn.export.connector.failure.DeliveryException} (the vendor, or its token endpoint, answered with a
 * failure, classified as retryable or not) or a {@link com.yarnnn.export.connector.failure.McpCallException} (an MCP
 * tool call got no answer). Token refresh ({@code oauth}), the MCP sessions ({@code mcp}) and the providers throw
 * them; export-consumer and api-edge classify them. A leaf, so that each of those may use it without depending on
 * another.
 */
package com.yarnnn.export.connector.failure;
