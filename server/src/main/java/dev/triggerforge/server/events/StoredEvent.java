package dev.triggerforge.server.events;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** An event as its partition processed it, kept for the retention window so sessions can be rebuilt after a restart. */
@Entity
@Table(name = "stored_events")
public class StoredEvent {

    @Id
    public String eventId;
    public String customerId;
    public String type;
    public Instant occurredAt;
    public Instant receivedAt;
    /** The wall time of the partition turn that processed it; replay moves the clock turn by turn. */
    public Instant turnAt;
    public int partitionNo;
    /** Order of processing within the partition; replay follows it. */
    public long seq;
    /** accepted or late, as the session judged it. */
    public String outcome;
    public String body;
}
