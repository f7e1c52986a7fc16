package com.yarnnn.export.connector.provider.gmail;

import com.yarnnn.export.schemas.event.ExportRequested;

/** For tests outside this package: the parts of the email {@link GmailExportProvider} sends. */
public record EmailSent(String subject, String text, String html) {

    public static EmailSent of(ExportRequested request) {
        DeliverableEmail email = DeliverableEmail.of(request);
        return new EmailSent(email.subject(), email.text(), email.html());
    }
}
