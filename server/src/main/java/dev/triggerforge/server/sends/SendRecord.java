package dev.triggerforge.server.sends;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * One email decision in the outbox. The idempotency key is the primary key, so a decision reached twice (a replayed
 * event, a rebuilt session) is stored once and sent once.
 */
@Entity
@Table(name = "sends")
public class SendRecord {

    @Id
    public String idempotencyKey;
    public String customerId;
    public String ruleId;
    public String templateId;
    public String variant;
    public long ruleSetVersion;
    public Instant decidedAt;
    public Instant sendAt;
    public String status;
    public int attempts;
    public Instant nextAttemptAt;
    public String lastError;
    public String provider;
    public String providerMessageId;
    public Instant sentAt;
    /** The decision's template variables, as JSON. */
    public String variables;
    /** Ids of the events that led to the decision, comma-separated. */
    public String causedBy;
    /** Why the row was suppressed at send time, e.g. out_of_stock; null otherwise. */
    public String reason;
    /** Where the stock and prices of the last attempt came from: fresh, cached, stale: ..., unavailable: ... */
    public String enrichment;
    /** Why a model chose the variant or the send time, as JSON; null when none did. */
    public String explanation;
    /** The customer's segment when an adaptive experiment chose the variant; null otherwise. */
    public String segment;
}
