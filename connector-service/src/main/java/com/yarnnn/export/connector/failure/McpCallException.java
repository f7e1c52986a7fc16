package com.yarnnn.export.connector.failure;

/**
 * A tool call that did not produce a result: the server could not start, did not answer in time, or died.
 * All of these pass; the caller may try again. The message names the server and never an argument.
 */
public class McpCallException extends RuntimeException {

    private final String code;

    public McpCallException(String code, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
    }

    /** {@code server_unavailable}, {@code timeout} or {@code server_exited}. */
    public String code() {
        return code;
    }
}
