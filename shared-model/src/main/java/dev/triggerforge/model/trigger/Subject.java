package dev.triggerforge.model.trigger;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/**
 * What one wait of a trigger is about: it decides the wait's identity, which later events concern it, and what the
 * email can show.
 */
public enum Subject {
    /** The customer's open cart: one wait (and one send) per cart; a purchase closes the cart. */
    CART,
    /** One product, by the {@code sku} of the entry event: product views, cart lines and order lines concern it. */
    PRODUCT,
    /** One order, by the {@code orderId} of the entry purchase. */
    ORDER,
    /** The customer as a whole: one send per customer for the rule (e.g. a welcome). */
    CUSTOMER;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static Subject parse(String text) {
        return valueOf(text.toUpperCase(Locale.ROOT));
    }
}
