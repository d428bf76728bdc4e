package dev.triggerforge.rules.profile;

import dev.triggerforge.model.event.CustomerEvent;
import dev.triggerforge.model.profile.CustomerProfile;
import dev.triggerforge.model.profile.ObservedValue;
import dev.triggerforge.model.profile.ProfileChange;
import dev.triggerforge.model.profile.ProfileUpdate;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The profiles a session judges with. Its owner seeds and replaces them; events that carry profile facts
 * ({@code profile_update}, {@code signup}, {@code email_unsubscribe}) and stated updates (the API, CRM imports)
 * merge here value by value, the newest observation winning, so the simulator and the server see the same profile
 * at the same event and a stale source never overwrites a fresher one.
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

    /**
     * Merges what a source states, value by value: each is taken only if it was observed after the newest known
     * observation of that value (equal times keep the first); the others are reported stale.
     */
    public ProfileChange merge(ProfileUpdate update) {
        CustomerProfile p = get(update.customerId());
        List<String> changed = new ArrayList<>();
        List<String> stale = new ArrayList<>();
        for (Map.Entry<String, Object> e : update.values().entrySet()) {
            String key = e.getKey();
            ObservedValue seen = p.lastKnown().get(key);
            if (seen != null && !update.observedAt().isAfter(seen.seenAt())) {
                if (!Objects.equals(seen.value(), e.getValue())) {
                    stale.add(key);
                }
                continue;
            }
            if (!Objects.equals(current(p, key), e.getValue())) {
                changed.add(key);
            }
            p = stated(p.observe(key, e.getValue(), update.observedAt()), key, e.getValue());
        }
        put(p);
        return new ProfileChange(update.customerId(), changed, stale);
    }

    /**
     * Folds what is known of {@code from} (an anonymous visitor) into {@code to}: every observation of the visitor
     * merges value by value, newest winning; the visitor's profile is gone afterwards.
     */
    public void mergeCustomer(String from, String to) {
        CustomerProfile visitor = profiles.remove(from);
        if (visitor == null) {
            return;
        }
        visitor.lastKnown().forEach((key, seen) -> merge(new ProfileUpdate(to, null, null, null, null,
                Map.of(key, seen.value()), seen.seenAt())));
    }

    /** Takes a profile out, for the session of another partition; unknown customers give the empty profile. */
    public CustomerProfile remove(String customerId) {
        CustomerProfile p = profiles.remove(customerId);
        return p == null ? CustomerProfile.unknown(customerId) : p;
    }

    private static Object current(CustomerProfile p, String key) {
        return switch (key) {
            case "email" -> p.email();
            case "timezone" -> p.timezone();
            case "locale" -> p.locale();
            case "marketingConsent" -> p.marketingConsent();
            default -> p.attributes().get(key);
        };
    }

    private static CustomerProfile stated(CustomerProfile p, String key, Object value) {
        return switch (key) {
            case "email" -> value instanceof String email ? p.withEmail(email) : p;
            case "timezone" -> value instanceof String zone ? p.withTimezone(zone) : p;
            case "locale" -> value instanceof String locale ? p.withLocale(locale) : p;
            case "marketingConsent" -> value instanceof Boolean consent ? p.withConsent(consent) : p;
            default -> p.withAttribute(key, value);
        };
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
            if (p.attributes().containsKey(e.getKey()) && fresh(p, e.getKey(), at) != null) {
                p = p.withAttribute(e.getKey(), e.getValue());
            }
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
