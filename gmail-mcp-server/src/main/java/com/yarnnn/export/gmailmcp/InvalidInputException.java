package com.yarnnn.export.gmailmcp;

/** Tool arguments that cannot make a message; the message says what to fix. */
class InvalidInputException extends RuntimeException {

    InvalidInputException(String message) {
        super(message);
    }
}
