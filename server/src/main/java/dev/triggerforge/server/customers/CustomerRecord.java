package dev.triggerforge.server.customers;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** The latest known profile of a customer, as the engine sees it, with a version that grows on every change. */
@Entity
@Table(name = "customer_profiles")
public class CustomerRecord {

    @Id
    public String customerId;
    public long version;
    public Instant updatedAt;
    public String body;
}
