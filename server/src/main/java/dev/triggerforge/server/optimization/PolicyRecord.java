package dev.triggerforge.server.optimization;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * The policy of one learning period, stored once for all instances (the period start is the primary key), so every
 * instance decides with the same counts and each decision can be traced back to them.
 */
@Entity
@Table(name = "optimization_policies")
public class PolicyRecord {

    @Id
    public Instant periodStart;
    /** The {@code PolicySnapshot} as JSON. */
    public String snapshot;
    public String computedBy;
    public Instant computedAt;
}
