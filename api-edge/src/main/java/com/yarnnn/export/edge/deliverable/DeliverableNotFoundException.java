package com.yarnnn.export.edge.deliverable;

import com.yarnnn.export.edge.problem.ApiProblemException;
import java.util.UUID;
import org.springframework.http.HttpStatus;

/** The deliverable is someone else's; the caller is told no more than that it was not found. */
public class DeliverableNotFoundException extends ApiProblemException {

    public DeliverableNotFoundException(UUID deliverableId) {
        super(HttpStatus.NOT_FOUND, "No deliverable " + deliverableId + " was found for you");
    }
}
