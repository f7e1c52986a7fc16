package com.yarnnn.export.gmailmcp;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.Properties;

/**
 * Renders an {@link OutgoingEmail} as an RFC 5322 message: {@code multipart/alternative} with a UTF-8 plain
 * text and a UTF-8 HTML part, an RFC 2047 encoded subject, and our own {@code Message-ID}.
 */
final class MimeEmail {

    static final String EXPORT_REF_HEADER = "X-YARNNN-Export-Ref";
    private static final String CHARSET = StandardCharsets.UTF_8.name();
    private static final String MESSAGE_ID_DOMAIN = "yarnnn-export";
    private static final Session SESSION = Session.getInstance(new Properties());

    private MimeEmail() {
    }

    /**
     * @param uniqueId used for the {@code Message-ID} when the email has no export reference
     */
    static byte[] render(OutgoingEmail email, Instant sentAt, String uniqueId) {
        try {
            String messageId = "<" + (email.exportRef() != null ? email.exportRef() : uniqueId) + "@" + MESSAGE_ID_DOMAIN + ">";
            MimeMessage message = new MessageWithId(messageId);
            message.setRecipients(Message.RecipientType.TO, email.to().toArray(InternetAddress[]::new));
            if (!email.cc().isEmpty()) {
                message.setRecipients(Message.RecipientType.CC, email.cc().toArray(InternetAddress[]::new));
            }
            message.setSubject(email.subject(), CHARSET);
            message.setSentDate(Date.from(sentAt));
            if (email.exportRef() != null) {
                message.setHeader(EXPORT_REF_HEADER, email.exportRef());
            }
            MimeBodyPart plain = new MimeBodyPart();
            plain.setText(email.text(), CHARSET, "plain");
            MimeBodyPart html = new MimeBodyPart();
            html.setText(email.html(), CHARSET, "html");
            message.setContent(new MimeMultipart("alternative", plain, html));
            message.saveChanges();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            message.writeTo(out);
            return out.toByteArray();
        } catch (MessagingException e) {
            throw new IllegalStateException("cannot build the MIME message", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Keeps our Message-ID: Jakarta Mail would otherwise make one from the host name on save. */
    private static final class MessageWithId extends MimeMessage {

        private final String messageId;

        MessageWithId(String messageId) {
            super(SESSION);
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
        }
    }
}
