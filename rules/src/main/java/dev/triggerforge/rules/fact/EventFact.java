package dev.triggerforge.rules.fact;

import dev.triggerforge.model.event.CartLine;
import dev.triggerforge.model.event.CustomerEvent;
import dev.triggerforge.model.event.EventType;

import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A customer event as rules see it: the fields rules match on, precomputed once, with JavaBean getters for DRL. It
 * lives in the session only while the rules react to it; what must be remembered is kept in the customer's state.
 */
public final class EventFact {

    private final CustomerEvent event;
    private final long timestamp;
    private final String sku;
    private final String orderId;
    private final Set<String> skus;

    public EventFact(CustomerEvent event, long timestamp) {
        this.event = event;
        this.timestamp = timestamp;
        String type = event.type().name();
        this.sku = switch (type) {
            case "cart_add", "cart_remove", "product_view" -> event.text("sku");
            default -> null;
        };
        if (event.is(EventType.PURCHASE)) {
            this.orderId = event.text("orderId");
            this.skus = event.purchase().lines().stream().map(CartLine::sku).collect(Collectors.toUnmodifiableSet());
        } else {
            this.orderId = null;
            this.skus = sku == null ? Set.of() : Set.of(sku);
        }
    }

    public CustomerEvent getEvent() {
        return event;
    }

    public String getEventId() {
        return event.eventId();
    }

    public String getCustomerId() {
        return event.customerId();
    }

    public String getType() {
        return event.type().name();
    }

    /** Event time in epoch milliseconds, clamped by the session so it is never ahead of the session clock. */
    public long getTimestamp() {
        return timestamp;
    }

    /** The product this event is about, for product views and cart lines; null otherwise. */
    public String getSku() {
        return sku;
    }

    public String getOrderId() {
        return orderId;
    }

    /** Every product this event concerns: its own sku, or the skus of an order's lines. */
    public Set<String> getSkus() {
        return skus;
    }

    /** A property as text, or null. */
    public String text(String key) {
        return event.text(key);
    }

    /** A numeric property, or NaN when absent or not a number (so every comparison with it is false). */
    public double number(String key) {
        Object v = event.properties().get(key);
        return v instanceof Number n ? n.doubleValue() : Double.NaN;
    }

    public boolean has(String key) {
        return event.properties().containsKey(key);
    }

    /** Whether a text property contains {@code part}, ignoring case. */
    public boolean textContains(String key, String part) {
        String v = text(key);
        return v != null && v.toLowerCase(java.util.Locale.ROOT).contains(part.toLowerCase(java.util.Locale.ROOT));
    }

    public Map<String, Object> getProperties() {
        return event.properties();
    }

    @Override
    public String toString() {
        return "EventFact[" + event.type() + " " + event.eventId() + " of " + event.customerId() + "]";
    }
}
