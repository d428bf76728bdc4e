package dev.triggerforge.server.customers;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** An anonymous visitor id that an identify event linked to a known customer, so both are one customer from then on. */
@Entity
@Table(name = "customer_aliases")
public class CustomerAlias {

    @Id
    public String anonymousId;
    public String customerId;
    public Instant linkedAt;
}
