package dev.triggerforge.server.sends;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** A send the guardrails held back, with the reason: the "why not" of a customer's timeline. */
@Entity
@Table(name = "suppressions")
public class SuppressionRecord {

    /** Rule, customer, time and cause together; a rebuilt session that suppresses the same send again adds nothing. */
    @Id
    public String suppressionKey;
    public String customerId;
    public String ruleId;
    public Instant at;
    public String reason;
    public String detail;
    public String causedBy;
}
