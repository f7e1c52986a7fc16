package com.yarnnn.export.gmailmcp;

import java.util.OptionalLong;

/** One answer of the Gmail API: its status, body and, on a 429 or 503, how long Google asks us to wait. */
record GmailResponse(int status, String body, OptionalLong retryAfterSeconds) {

    boolean ok() {
        return status >= 200 && status < 300;
    }
}
