package dev.triggerforge.server.delivery.enrichment;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Applies live stock and prices to a send's variables (cart lines and the product), kept free of I/O so the rules
 * for dropping lines and recomputing a cart's totals can be tested on their own.
 */
public final class LineFilter {

    /**
     * The variables to render with, how many items were dropped, and whether nothing is left to show: every cart
     * line and the product, if any, are out of stock.
     */
    public record Outcome(Map<String, Object> variables, int dropped, boolean nothingLeft) {
    }

    private LineFilter() {
    }

    /** The skus a send shows: its cart lines' then its product's, in that order, each once. */
    public static Set<String> skus(Map<String, Object> variables) {
        Set<String> skus = new LinkedHashSet<>();
        for (Object line : lines(variables)) {
            if (line instanceof Map<?, ?> m && m.get("sku") instanceof String sku) {
                skus.add(sku);
            }
        }
        if (variables.get("product") instanceof Map<?, ?> product && product.get("sku") instanceof String sku) {
            skus.add(sku);
        }
        return skus;
    }

    /**
     * Drops out-of-stock cart lines and an out-of-stock product, puts current prices in place of stored ones and,
     * when a cart changed, recomputes its line totals, item count and total. Skus without a state are left as they
     * are. The given variables are not modified.
     */
    public static Outcome apply(Map<String, Object> variables, Map<String, SkuState> states) {
        Map<String, Object> result = new HashMap<>(variables);
        int items = 0;
        int dropped = 0;
        if (variables.get("cart") instanceof Map<?, ?> cart && cart.get("lines") instanceof List<?> lines) {
            List<Object> kept = new ArrayList<>();
            boolean changed = false;
            for (Object line : lines) {
                items++;
                SkuState state = line instanceof Map<?, ?> m && m.get("sku") instanceof String sku
                        ? states.get(sku) : null;
                if (state == null) {
                    kept.add(line);
                } else if (!state.inStock()) {
                    dropped++;
                    changed = true;
                } else if (state.price() != null) {
                    kept.add(repriced((Map<?, ?>) line, state.price()));
                    changed = true;
                } else {
                    kept.add(line);
                }
            }
            if (changed) {
                result.put("cart", recomputed(cart, kept));
            }
        }
        if (variables.get("product") instanceof Map<?, ?> product && product.get("sku") instanceof String sku) {
            items++;
            SkuState state = states.get(sku);
            if (state != null && !state.inStock()) {
                dropped++;
                result.remove("product");
            } else if (state != null && state.price() != null) {
                Map<String, Object> copy = copy(product);
                copy.put("price", state.price());
                result.put("product", copy);
            }
        }
        return new Outcome(result, dropped, items > 0 && dropped == items);
    }

    private static List<?> lines(Map<String, Object> variables) {
        if (variables.get("cart") instanceof Map<?, ?> cart && cart.get("lines") instanceof List<?> lines) {
            return lines;
        }
        return List.of();
    }

    private static Map<String, Object> repriced(Map<?, ?> line, BigDecimal price) {
        Map<String, Object> copy = copy(line);
        copy.put("price", price);
        if (line.get("quantity") instanceof Number quantity) {
            copy.put("lineTotal", price.multiply(decimal(quantity)));
        }
        return copy;
    }

    /** The cart with the kept lines; item count and total summed again (the total only if every line has one). */
    private static Map<String, Object> recomputed(Map<?, ?> cart, List<Object> lines) {
        Map<String, Object> copy = copy(cart);
        copy.put("lines", lines);
        int itemCount = 0;
        BigDecimal total = BigDecimal.ZERO;
        boolean totalKnown = true;
        for (Object line : lines) {
            Map<?, ?> m = line instanceof Map<?, ?> map ? map : Map.of();
            itemCount += m.get("quantity") instanceof Number q ? q.intValue() : 1;
            if (m.get("lineTotal") instanceof Number lineTotal) {
                total = total.add(decimal(lineTotal));
            } else {
                totalKnown = false;
            }
        }
        copy.put("itemCount", itemCount);
        if (totalKnown) {
            copy.put("total", total);
        } else {
            copy.remove("total");
        }
        return copy;
    }

    private static Map<String, Object> copy(Map<?, ?> map) {
        Map<String, Object> copy = new LinkedHashMap<>();
        map.forEach((k, v) -> copy.put(String.valueOf(k), v));
        return copy;
    }

    private static BigDecimal decimal(Number n) {
        return n instanceof BigDecimal d ? d : new BigDecimal(n.toString());
    }
}
