package dev.triggerforge.rules.synthetic;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * What a customer buys after clicking an email, read from the email's variables and normalised to the types the
 * event codec produces (BigDecimal prices with a fraction, Long quantities), so the purchase round-trips through JSON.
 */
final class ResponseLines {

    private static final List<String> TEXT_FIELDS = List.of("name", "url", "imageUrl");

    private ResponseLines() {
    }

    /** The cart's lines of a cart email, else the email's product, else a random catalog product; never empty. */
    static List<Map<String, Object>> of(Map<String, Object> variables, Catalog catalog, SplittableRandom r) {
        if (variables.get("cart") instanceof Map<?, ?> cart && cart.get("lines") instanceof List<?> raw) {
            List<Map<String, Object>> lines = new ArrayList<>(raw.size());
            for (Object element : raw) {
                if (element instanceof Map<?, ?> line && line.get("sku") != null) {
                    lines.add(line(line, quantity(line.get("quantity"))));
                }
            }
            if (!lines.isEmpty()) {
                return Collections.unmodifiableList(lines);
            }
        }
        if (variables.get("product") instanceof Map<?, ?> product && product.get("sku") != null) {
            return List.of(line(product, 1));
        }
        return List.of(catalog.random(r).line(1));
    }

    /** The sum of price times quantity over the lines with a price, with two decimals at least. */
    static BigDecimal total(List<Map<String, Object>> lines) {
        BigDecimal total = BigDecimal.valueOf(0, 2);
        for (Map<String, Object> line : lines) {
            if (line.get("price") instanceof BigDecimal price) {
                total = total.add(price.multiply(BigDecimal.valueOf((Long) line.get("quantity"))));
            }
        }
        return total;
    }

    private static Map<String, Object> line(Map<?, ?> source, long quantity) {
        Map<String, Object> m = new LinkedHashMap<>(8);
        m.put("sku", source.get("sku").toString());
        BigDecimal price = price(source.get("price"));
        if (price != null) {
            m.put("price", price);
        }
        m.put("quantity", quantity);
        for (String field : TEXT_FIELDS) {
            Object value = source.get(field);
            if (value != null) {
                m.put(field, value.toString());
            }
        }
        return Collections.unmodifiableMap(m);
    }

    private static long quantity(Object value) {
        if (value instanceof Number n && n.longValue() >= 1) {
            return Math.min(n.longValue(), Integer.MAX_VALUE);
        }
        return 1;
    }

    /** A non-negative price with at least one fraction digit (a whole number would decode as a Long), or null. */
    private static BigDecimal price(Object value) {
        BigDecimal price;
        if (value instanceof BigDecimal d) {
            price = d;
        } else if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            price = Double.isFinite(d) ? BigDecimal.valueOf(d) : null;
        } else if (value instanceof Number n) {
            price = BigDecimal.valueOf(n.longValue());
        } else if (value instanceof String s) {
            price = parse(s);
        } else {
            price = null;
        }
        if (price == null || price.signum() < 0) {
            return null;
        }
        return price.scale() < 1 ? price.setScale(2) : price;
    }

    private static BigDecimal parse(String text) {
        try {
            return new BigDecimal(text.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
