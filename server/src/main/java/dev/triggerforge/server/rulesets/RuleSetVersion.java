package dev.triggerforge.server.rulesets;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** A stored rule set: its JSON form, who made it and why, and whether it is the one the engine runs. */
@Entity
@Table(name = "rule_set_versions")
public class RuleSetVersion {

    @Id
    public long version;
    public String name;
    public String author;
    public String comment;
    public Instant createdAt;
    public boolean active;
    /** continue or cancel-changed: what activation does with waits of triggers whose spec changed. */
    public String inFlight;
    public Instant activatedAt;
    public String body;
    /** The email templates uploaded with this version, as JSON (id to subject, html, text); null when none. */
    public String templates;
}
