package dev.triggerforge.model.profile;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Values a source (the API, a CRM import) states about a customer, all observed at one moment: merged into the
 * profile value by value, each only if nothing newer is known, so a stale update never overwrites a fresher one.
 * Null fields are not stated and change nothing.
 */
public record ProfileUpdate(String customerId, String email, String timezone, String locale,
                            Boolean marketingConsent, Map<String, Object> attributes, Instant observedAt) {

    public ProfileUpdate {
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(observedAt, "observedAt");
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
    }

    /** Every stated value by the name profiles observe it under; attributes by their own names. */
    public Map<String, Object> values() {
        Map<String, Object> values = new LinkedHashMap<>();
        putIfStated(values, "email", email);
        putIfStated(values, "timezone", timezone);
        putIfStated(values, "locale", locale);
        putIfStated(values, "marketingConsent", marketingConsent);
        attributes.forEach((name, value) -> putIfStated(values, name, value));
        return values;
    }

    private static void putIfStated(Map<String, Object> values, String name, Object value) {
        if (value != null) {
            values.put(name, value);
        }
    }
}
