package com.yarnnn.export.connector.mcp;

import com.yarnnn.export.connector.mcp.McpProperties.ServerOverride;
import java.util.Locale;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.Ordered;

/**
 * Relaxed binding reads every variable starting with {@code YARNNN_MCP_SERVERS_} as a server override
 * ({@code yarnnn.mcp.servers.<id>}); one holding a single value, such as {@code YARNNN_MCP_SERVERS_DIR} (the
 * servers directory's variable in earlier versions), stops the application with a bare "no converter found". This
 * says which variable it is and what to set instead, without echoing its value.
 */
class ServerOverrideFailureAnalyzer extends AbstractFailureAnalyzer<BindException> implements Ordered {

    private static final ConfigurationPropertyName SERVERS = ConfigurationPropertyName.of("yarnnn.mcp.servers");

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, BindException cause) {
        ConfigurationPropertyName name = cause.getName();
        if (!SERVERS.isParentOf(name) || cause.getTarget().getType().resolve() != ServerOverride.class) {
            return null;
        }
        // the binder does not keep the failed entry's origin: name both forms it can have been set in
        String variable = name.toString().toUpperCase(Locale.ROOT).replace('.', '_').replace("-", "");
        return new FailureAnalysis("""
                %s (%s) is read as an override of the MCP server of a provider with id '%s', which takes a \
                command, args and env, not a single value.""".formatted(variable, name,
                name.getLastElement(ConfigurationPropertyName.Form.ORIGINAL)), """
                Set the MCP servers directory with YARNNN_MCP_DIR (yarnnn.mcp.servers-dir), not \
                YARNNN_MCP_SERVERS_DIR. Variables starting with YARNNN_MCP_SERVERS_ must name a setting of an \
                override, e.g. YARNNN_MCP_SERVERS_SLACK_COMMAND.""", cause);
    }

    /** Before Spring Boot's generic analysis of the same bind failure. */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
