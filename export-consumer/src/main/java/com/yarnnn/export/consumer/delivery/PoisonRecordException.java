package com.yarnnn.export.consumer.delivery;

/** A record no attempt can handle; it goes to the dead-letter topic at once. */
public class PoisonRecordException extends RuntimeException {

    public PoisonRecordException(String message) {
        super(message);
    }
}
