package dev.triggerforge.model.event;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.math.BigDecimal;
import java.util.Map;

/** What a {@code product_view} event says about the product that was looked at. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ProductView(String sku, String name, String category, BigDecimal price, String imageUrl, String url) {

    public static ProductView from(Map<String, ?> p) {
        return new ProductView(
                Properties.string(p, "sku"),
                Properties.string(p, "name"),
                Properties.string(p, "category"),
                Properties.decimal(p, "price"),
                Properties.string(p, "imageUrl"),
                Properties.string(p, "url"));
    }
}
