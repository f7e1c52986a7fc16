package com.yarnnn.export.gmailmcp;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Properties;
import tools.jackson.databind.json.JsonMapper;

/** A message as Gmail received it: the {@code raw} of a send request, decoded and parsed back with Jakarta Mail. */
public record SentEmail(String source, MimeMessage message) {

    public static SentEmail fromSendRequest(String requestBody) {
        String raw = JsonMapper.builder().build().readTree(requestBody).path("raw").asString();
        return fromBytes(Base64.getUrlDecoder().decode(raw));
    }

    public static SentEmail fromBytes(byte[] mime) {
        try {
            MimeMessage message = new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(mime));
            return new SentEmail(new String(mime, StandardCharsets.US_ASCII), message);
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    public String header(String name) {
        try {
            return message.getHeader(name, ",");
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    public String subject() {
        try {
            return message.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    public MimeMultipart alternatives() {
        try {
            return (MimeMultipart) message.getContent();
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public String plainText() {
        return part(0);
    }

    public String html() {
        return part(1);
    }

    private String part(int index) {
        try {
            BodyPart part = alternatives().getBodyPart(index);
            return (String) part.getContent();
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
