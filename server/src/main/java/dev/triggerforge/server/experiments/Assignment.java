package dev.triggerforge.server.experiments;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Instant;

/** The variant a customer was first given in an experiment; assignment is sticky, so this is also its audit. */
@Entity
@Table(name = "experiment_assignments")
@IdClass(Assignment.Key.class)
public class Assignment {

    @Id
    public String experimentId;
    @Id
    public String customerId;
    public String variant;
    public Instant assignedAt;

    /** Composite key: one assignment per customer per experiment. */
    public record Key(String experimentId, String customerId) implements Serializable {
    }
}
