package dev.triggerforge.server.experiments;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** An experiment on a trigger's variants; its definition is JSON so it can grow without schema changes. */
@Entity
@Table(name = "experiments")
public class ExperimentRecord {

    @Id
    public String experimentId;
    public String ruleId;
    public String status;
    public Instant createdAt;
    public String body;
}
