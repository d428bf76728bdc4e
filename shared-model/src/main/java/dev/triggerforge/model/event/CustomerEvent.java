package dev.triggerforge.model.event;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Something a customer did, as it reaches TriggerForge: the unit every rule reacts to. {@code occurredAt} is when it
 * happened on the customer's device or the shop, which is the time decisions follow, not when it arrived.
 */
@JsonPropertyOrder({"eventId", "customerId", "type", "occurredAt", "properties"})
public record CustomerEvent(String eventId, String customerId, EventType type, Instant occurredAt,
                            Map<String, Object> properties) {

    public CustomerEvent {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(occurredAt, "occurredAt");
        properties = compact(properties);
    }

    /**
     * An immutable copy without null values, in the JDK's compact map: a million events in memory (a simulation)
     * weigh a few hundred megabytes less than with a linked map each. Order is not kept; the JSON form sorts keys.
     */
    private static Map<String, Object> compact(Map<String, Object> properties) {
        if (properties == null || properties.isEmpty()) {
            return Map.of();
        }
        if (properties.values().stream().anyMatch(Objects::isNull)) {
            Map<String, Object> withoutNulls = new HashMap<>(properties);
            withoutNulls.values().removeIf(Objects::isNull);
            return Map.copyOf(withoutNulls);
        }
        return Map.copyOf(properties);
    }

    public static CustomerEvent of(String eventId, String customerId, EventType type, Instant occurredAt,
                                   Map<String, Object> properties) {
        return new CustomerEvent(eventId, customerId, type, occurredAt, properties);
    }

    public boolean is(EventType expected) {
        return type.equals(expected);
    }

    /** The cart line of a {@code cart_add} or {@code cart_remove} event. */
    public CartLine cartLine() {
        requireType(EventType.CART_ADD, EventType.CART_REMOVE);
        return CartLine.from(properties);
    }

    /** The order of a {@code purchase} event. */
    public Purchase purchase() {
        requireType(EventType.PURCHASE);
        return Purchase.from(properties);
    }

    /** The product of a {@code product_view} event. */
    public ProductView productView() {
        requireType(EventType.PRODUCT_VIEW);
        return ProductView.from(properties);
    }

    /** For an {@code identify} event, the anonymous visitor id it links to this customer; otherwise null. */
    public String identifiedVisitor() {
        return is(EventType.IDENTIFY) ? text("anonymousId") : null;
    }

    /** A property as text, or null when absent. */
    public String text(String key) {
        Object v = properties.get(key);
        return v == null ? null : v.toString();
    }

    private void requireType(EventType... allowed) {
        for (EventType t : allowed) {
            if (type.equals(t)) {
                return;
            }
        }
        throw new IllegalStateException("event " + eventId + " is a " + type + ", not " + java.util.Arrays.toString(allowed));
    }
}
