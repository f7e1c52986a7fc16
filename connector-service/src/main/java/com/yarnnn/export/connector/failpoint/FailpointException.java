package com.yarnnn.export.connector.failpoint;

import org.springframework.dao.TransientDataAccessResourceException;

/** An injected failure of the pipeline's own infrastructure at a named step, handled as a real one would be. */
public class FailpointException extends TransientDataAccessResourceException {

    public FailpointException(String failpoint) {
        super("Injected failure at failpoint " + failpoint);
    }
}
