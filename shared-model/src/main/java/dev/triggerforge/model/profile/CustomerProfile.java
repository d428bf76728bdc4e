package dev.triggerforge.model.profile;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What TriggerForge knows about a customer that is not an event: where to write, in which time zone and language,
 * whether marketing is allowed, and the last known value of anything seen about them.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CustomerProfile(String customerId, String email, String timezone, String locale,
                              boolean marketingConsent, Map<String, Object> attributes,
                              Map<String, ObservedValue> lastKnown) {

    public CustomerProfile {
        Objects.requireNonNull(customerId, "customerId");
        attributes = compact(attributes);
        lastKnown = compact(lastKnown);
    }

    /**
     * An immutable copy without null values. Profiles are held in memory for every active customer, so this uses
     * the JDK's compact immutable maps rather than a linked map per profile (JSON output sorts keys anyway).
     */
    private static <V> Map<String, V> compact(Map<String, V> map) {
        if (map == null || map.isEmpty()) {
            return Map.of();
        }
        Map<String, V> withoutNulls = new HashMap<>(map);
        withoutNulls.values().removeIf(java.util.Objects::isNull);
        return Map.copyOf(withoutNulls);
    }

    /** A profile that knows nothing but the id: no email, no consent. */
    public static CustomerProfile unknown(String customerId) {
        return new CustomerProfile(customerId, null, null, null, false, Map.of(), Map.of());
    }

    /** The customer's zone, UTC when unknown or not a valid IANA id. */
    @JsonIgnore
    public ZoneId zone() {
        if (timezone == null) {
            return ZoneOffset.UTC;
        }
        try {
            return ZoneId.of(timezone);
        } catch (DateTimeException e) {
            return ZoneOffset.UTC;
        }
    }

    /** A named value from the attributes, else from the last-known values; null when neither has it. */
    public Object value(String name) {
        Object v = attributes.get(name);
        if (v != null) {
            return v;
        }
        ObservedValue seen = lastKnown.get(name);
        return seen == null ? null : seen.value();
    }

    public CustomerProfile withConsent(boolean consent) {
        return new CustomerProfile(customerId, email, timezone, locale, consent, attributes, lastKnown);
    }

    public CustomerProfile withEmail(String newEmail) {
        return new CustomerProfile(customerId, newEmail, timezone, locale, marketingConsent, attributes, lastKnown);
    }

    public CustomerProfile withTimezone(String newTimezone) {
        return new CustomerProfile(customerId, email, newTimezone, locale, marketingConsent, attributes, lastKnown);
    }

    public CustomerProfile withLocale(String newLocale) {
        return new CustomerProfile(customerId, email, timezone, newLocale, marketingConsent, attributes, lastKnown);
    }

    /** This profile with one attribute set (or removed, with a null value). */
    public CustomerProfile withAttribute(String name, Object value) {
        Map<String, Object> next = new HashMap<>(attributes);
        next.put(name, value);
        return new CustomerProfile(customerId, email, timezone, locale, marketingConsent, next, lastKnown);
    }

    /** This profile with {@code name} observed as {@code value} at {@code observed}, unless a newer value is known. */
    public CustomerProfile observe(String name, Object value, java.time.Instant observed) {
        ObservedValue candidate = new ObservedValue(value, observed);
        if (!candidate.isNewerThan(lastKnown.get(name)) && lastKnown.containsKey(name)) {
            return this;
        }
        Map<String, ObservedValue> next = new LinkedHashMap<>(lastKnown);
        next.put(name, candidate);
        return new CustomerProfile(customerId, email, timezone, locale, marketingConsent, attributes, next);
    }
}
