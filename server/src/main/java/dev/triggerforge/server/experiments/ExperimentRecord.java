package dev.triggerforge.server.experiments;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * An experiment on a trigger's variants and its life. The definition (the trigger as it was tested and how results
 * are judged) is JSON so it can grow without schema changes; the results are frozen as JSON when it stops.
 */
@Entity
@Table(name = "experiments")
public class ExperimentRecord {

    @Id
    public String experimentId;
    public String ruleId;
    public String status;
    public Instant createdAt;
    public Instant startedAt;
    public Instant stoppedAt;
    public String updatedBy;
    /** An {@link ExperimentDefinition} as JSON. */
    public String body;
    /** The results at the moment it stopped, as JSON; null while it runs. */
    public String results;
    /** The rule-set version its winner was promoted into, if it was. */
    public Long promotedVersion;
}
