package com.yarnnn.export.edge.approval;

/** An approval event that can never become an export; it is moved to the approvals' dead-letter topic. */
class InvalidApprovalException extends RuntimeException {

    InvalidApprovalException(String message) {
        super(message);
    }
}
