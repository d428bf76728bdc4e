package dev.triggerforge.server.campaigns;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.Instant;

/** The numbers of a batch campaign a marketer recorded next to a rule, to compare the triggered emails against. */
@Entity
@Table(name = "campaign_baselines")
public class BaselineRecord {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long baselineId;
    public String ruleId;
    public String label;
    public Instant periodFrom;
    public Instant periodTo;
    public long recipients;
    public long opens;
    public long clicks;
    public long conversions;
    public BigDecimal revenue;
    public Instant recordedAt;
    public String recordedBy;
}
