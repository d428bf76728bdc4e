package dev.triggerforge.rules.profile;

import dev.triggerforge.model.event.CustomerEvent;
import dev.triggerforge.model.profile.CustomerProfile;
import dev.triggerforge.model.profile.ObservedValue;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * The profiles a session judges with. Its owner seeds and replaces them; events that carry profile facts
 * ({@code profile_update}, {@code signup}, {@code email_unsubscribe}) update them here, so the simulator and the
 * server see the same profile at the same event.
 */
public final class ProfileBook {

    private final Map<String, CustomerProfile> profiles = new HashMap<>();

    public CustomerProfile get(String customerId) {
        CustomerProfile p = profiles.get(customerId);
        return p == null ? CustomerProfile.unknown(customerId) : p;
    }

    public void put(CustomerProfile profile) {
        profiles.put(profile.customerId(), profile);
    }

    public int size() {
        return profiles.size();
    }

    /** Applies what an event says about the customer; returns whether the profile changed. */
    public boolean apply(CustomerEvent event) {
        String type = event.type().name();
        CustomerProfile before = get(event.customerId());
        CustomerProfile after = switch (type) {
            case "email_unsubscribe" -> unsubscribe(before, event.occurredAt());
            case "profile_update", "signup" -> update(before, event);
            default -> before;
        };
        if (after == before) {
            return false;
        }
        put(after);
        return true;
    }

    private static CustomerProfile unsubscribe(CustomerProfile profile, Instant at) {
        CustomerProfile p = profile.observe("marketingConsent", false, at);
        return Boolean.FALSE.equals(fresh(p, "marketingConsent", at)) ? p.withConsent(false) : profile;
    }

    private static CustomerProfile update(CustomerProfile profile, CustomerEvent event) {
        Instant at = event.occurredAt();
        CustomerProfile p = profile;
        for (Map.Entry<String, Object> e : event.properties().entrySet()) {
            p = p.observe(e.getKey(), e.getValue(), at);
        }
        boolean signup = "signup".equals(event.type().name());
        if (fresh(p, "email", at) instanceof String email && (p.email() == null || !signup)) {
            p = p.withEmail(email);
        }
        if (fresh(p, "timezone", at) instanceof String tz) {
            p = p.withTimezone(tz);
        }
        if (fresh(p, "locale", at) instanceof String locale) {
            p = p.withLocale(locale);
        }
        if (fresh(p, "marketingConsent", at) instanceof Boolean consent) {
            p = p.withConsent(consent);
        }
        return p;
    }

    /** The value observed at {@code at} if it is the newest observation of {@code key}; null when it was stale. */
    private static Object fresh(CustomerProfile p, String key, Instant at) {
        ObservedValue seen = p.lastKnown().get(key);
        return seen != null && seen.seenAt().equals(at) ? seen.value() : null;
    }
}
