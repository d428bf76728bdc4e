package dev.triggerforge.model.event;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.math.BigDecimal;
import java.util.Map;

/** One product line in a cart or an order, as the storefront reported it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CartLine(String sku, String name, BigDecimal price, int quantity, String imageUrl, String url) {

    public CartLine {
        if (sku == null || sku.isBlank()) {
            throw new IllegalArgumentException("sku is required");
        }
        if (quantity < 0) {
            throw new IllegalArgumentException("quantity must not be negative");
        }
    }

    /** Reads a line from validated event properties (see {@code EventCodec}); quantity defaults to 1. */
    public static CartLine from(Map<String, ?> p) {
        return new CartLine(
                Properties.string(p, "sku"),
                Properties.string(p, "name"),
                Properties.decimal(p, "price"),
                Properties.integer(p, "quantity", 1),
                Properties.string(p, "imageUrl"),
                Properties.string(p, "url"));
    }

    /** Price times quantity, or null when the price is unknown. */
    public BigDecimal lineTotal() {
        return price == null ? null : price.multiply(BigDecimal.valueOf(quantity));
    }

    public CartLine withQuantity(int newQuantity) {
        return new CartLine(sku, name, price, newQuantity, imageUrl, url);
    }
}
