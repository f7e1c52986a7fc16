package com.yarnnn.export.edge.status;

import com.yarnnn.export.edge.problem.ApiProblemException;
import java.util.UUID;
import org.springframework.http.HttpStatus;

/** No export with this id belongs to the caller; whether it belongs to someone else is not told. */
class ExportNotFoundException extends ApiProblemException {

    ExportNotFoundException(UUID exportId) {
        super(HttpStatus.NOT_FOUND, "No export " + exportId + " was found for you");
    }
}
