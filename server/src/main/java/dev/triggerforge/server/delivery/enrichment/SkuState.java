package dev.triggerforge.server.delivery.enrichment;

import java.math.BigDecimal;

/**
 * What the stock provider says about one sku right now, so a send shows only what can be bought at today's price.
 *
 * @param price the current unit price, or null when the provider does not say (the stored price stays)
 */
public record SkuState(String sku, boolean inStock, BigDecimal price) {
}
