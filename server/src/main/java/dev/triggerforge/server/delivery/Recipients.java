package dev.triggerforge.server.delivery;

import dev.triggerforge.model.json.Json;
import dev.triggerforge.model.profile.CustomerProfile;
import dev.triggerforge.server.customers.CustomerRecord;
import dev.triggerforge.server.store.Database;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.util.Map;
import java.util.Optional;

/**
 * Finds where an email goes: the address the decision captured ({@code customer.email}), else the one on the
 * customer's current profile, for decisions made before the address was known.
 */
@ApplicationScoped
public class Recipients {

    private final Database database;

    Recipients(Database database) {
        this.database = database;
    }

    public Optional<String> of(String customerId, Map<String, Object> variables) {
        if (variables.get("customer") instanceof Map<?, ?> customer
                && customer.get("email") instanceof String email && !email.isBlank()) {
            return Optional.of(email.strip());
        }
        return profile(customerId).map(CustomerProfile::email).filter(e -> !e.isBlank()).map(String::strip);
    }

    /** The customer's stored profile, if there is one. */
    public Optional<CustomerProfile> profile(String customerId) {
        String body = QuarkusTransaction.requiringNew().call(() -> {
            CustomerRecord record = database.session().find(CustomerRecord.class, customerId);
            return record == null ? null : record.body;
        });
        if (body == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Json.mapper().readValue(body, CustomerProfile.class));
        } catch (IOException e) {
            throw new IllegalStateException("stored profile of customer " + customerId + " is not valid JSON", e);
        }
    }
}
