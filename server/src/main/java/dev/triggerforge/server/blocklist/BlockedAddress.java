package dev.triggerforge.server.blocklist;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** An address that hard-bounced or complained, kept so no later email goes to it and harms the sender's reputation. */
@Entity
@Table(name = "blocked_addresses")
public class BlockedAddress {

    /** The address in lower case. */
    @Id
    public String address;
    /** {@code hard bounce} or {@code complaint}. */
    public String reason;
    /** The idempotency key of the send the report was about. */
    public String sendId;
    public Instant blockedAt;
}
