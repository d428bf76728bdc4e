package dev.triggerforge.server.rulesets;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** Which rule-set version a server instance runs, so the API can show every instance's version after a deploy. */
@Entity
@Table(name = "server_instances")
public class InstanceRecord {

    @Id
    public String instanceId;
    public long ruleSetVersion;
    public Instant activatedAt;
    public Instant seenAt;
}
