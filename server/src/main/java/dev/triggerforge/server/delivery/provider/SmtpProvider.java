package dev.triggerforge.server.delivery.provider;

import dev.triggerforge.server.delivery.DeliveryConfig;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.smallrye.mutiny.TimeoutException;
import io.vertx.ext.mail.SMTPException;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Set;

/**
 * Sends through an SMTP server with the Quarkus Mailer (host, port and credentials under {@code quarkus.mailer.*}),
 * stamping a Message-ID and an {@code X-TriggerForge-Send} header from the send id so retries are recognisable, and
 * RFC 8058 one-click unsubscribe headers so mail clients offer their own unsubscribe button.
 */
@ApplicationScoped
public class SmtpProvider implements EmailProvider {

    public static final String SEND_HEADER = "X-TriggerForge-Send";

    /** Replies that refuse this one email (bad recipient, rejected content); other failures are retried. */
    private static final Set<Integer> PERMANENT_REPLIES = Set.of(501, 550, 551, 552, 553, 554);

    private final ReactiveMailer mailer;
    private final DeliveryConfig config;

    SmtpProvider(ReactiveMailer mailer, DeliveryConfig config) {
        this.mailer = mailer;
        this.config = config;
    }

    @Override
    public String name() {
        return "smtp";
    }

    @Override
    public DeliveryReceipt send(OutgoingEmail email) throws TransientDeliveryException, PermanentDeliveryException {
        String messageId = SendIds.messageId(email.sendId(), email.from());
        Mail mail = new Mail()
                .setFrom(email.from())
                .addTo(email.to())
                .setSubject(email.subject())
                .setHtml(email.html())
                .setText(email.text())
                .addHeader("Message-ID", messageId)
                .addHeader(SEND_HEADER, email.sendId());
        if (email.unsubscribeUrl() != null) {
            mail.addHeader("List-Unsubscribe", "<" + email.unsubscribeUrl() + ">")
                    .addHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        }
        try {
            mailer.send(mail).await().atMost(config.smtp().timeout());
            return new DeliveryReceipt(name(), messageId);
        } catch (TimeoutException e) {
            throw new TransientDeliveryException("SMTP server did not accept the email within "
                    + config.smtp().timeout().toSeconds() + " s", e);
        } catch (RuntimeException e) {
            SMTPException smtp = smtpCause(e);
            if (smtp == null) {
                throw new TransientDeliveryException("SMTP delivery failed: " + rootCause(e), e);
            }
            String reason = "SMTP server replied " + smtp.getReplyCode() + ": " + smtp.getReplyMessage();
            if (PERMANENT_REPLIES.contains(smtp.getReplyCode())) {
                throw new PermanentDeliveryException(reason, e);
            }
            throw new TransientDeliveryException(reason, e);
        }
    }

    private static SMTPException smtpCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SMTPException smtp) {
                return smtp;
            }
        }
        return null;
    }

    private static Throwable rootCause(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }
}
