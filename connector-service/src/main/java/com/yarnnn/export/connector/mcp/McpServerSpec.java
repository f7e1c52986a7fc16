package com.yarnnn.export.connector.mcp;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How to start one MCP server over stdio: the command, its arguments and the only environment variables
 * it gets (the JVM's environment is not inherited). Two equal specs share one session.
 *
 * @param name a short readable name for logs and the process title, e.g. {@code folder}
 */
public record McpServerSpec(String name, String command, List<String> args, Map<String, String> env) {

    public McpServerSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(command, "command");
        args = List.copyOf(args);
        env = Map.copyOf(env);
    }

    /** Names the variables only: values may be secrets. */
    @Override
    public String toString() {
        return "McpServerSpec[name=" + name + ", command=" + command + ", args=" + args + ", env=" + env.keySet() + "]";
    }
}
