package com.yarnnn.export.connector.provider;

/** A destination id the provider can never deliver to; rejected before anything is published. */
public class InvalidDestinationException extends RuntimeException {

    public InvalidDestinationException(String message) {
        super(message);
    }
}
