package dev.triggerforge.server.feedback;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * What a customer did with an email, or a purchase, kept apart from the event store (whose retention is short) so
 * experiments and campaign KPIs can attribute it to a send over any period.
 */
@Entity
@Table(name = "email_feedback")
public class FeedbackRecord {

    @Id
    public String eventId;
    public String customerId;
    public String eventType;
    public Instant occurredAt;
    /** The idempotency key of the send the event names, when it names one. */
    public String sendId;
    public BigDecimal revenue;
    public String currency;
}
