package dev.triggerforge.server.delivery.provider;

import java.util.Objects;

/**
 * One rendered email ready for a provider, with the stable send id derived from the outbox idempotency key so a
 * provider can recognise a retry of the same decision, and the one-click unsubscribe address when it has one.
 */
public record OutgoingEmail(String sendId, String customerId, String ruleId, String templateId, String variant,
                            String from, String to, String subject, String html, String text,
                            String unsubscribeUrl) {

    public OutgoingEmail {
        Objects.requireNonNull(sendId, "sendId");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(html, "html");
    }
}
