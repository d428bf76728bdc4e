package dev.triggerforge.server.customers;

import dev.triggerforge.model.profile.ProfileUpdate;

import java.time.Instant;
import java.util.Map;

/**
 * What a client states about a customer; the id comes from the path. Absent values are left as they are, and
 * {@code observedAt} (default: now) is when the source saw these values, so an older statement loses to newer data.
 */
public record ProfileBody(String email, String timezone, String locale, Boolean marketingConsent,
                          Map<String, Object> attributes, Instant observedAt) {

    ProfileUpdate update(String customerId, Instant now) {
        return new ProfileUpdate(customerId, email, timezone, locale, marketingConsent, attributes,
                observedAt == null ? now : observedAt);
    }
}
