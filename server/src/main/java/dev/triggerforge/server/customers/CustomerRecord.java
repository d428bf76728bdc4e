package dev.triggerforge.server.customers;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.triggerforge.model.json.Json;
import dev.triggerforge.model.profile.CustomerProfile;
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

    /** The stored profile, read back from its JSON. */
    public CustomerProfile profile() {
        return profileOf(customerId, body);
    }

    /** A profile read back from the JSON of the {@code body} column. */
    public static CustomerProfile profileOf(String customerId, String body) {
        try {
            return Json.mapper().readValue(body, CustomerProfile.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored profile of " + customerId + " is not readable: " + e.getMessage(), e);
        }
    }
}
