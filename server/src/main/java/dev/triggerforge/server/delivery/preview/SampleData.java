package dev.triggerforge.server.delivery.preview;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Clearly made-up cart, product and order (every name starts with "Sample", every SKU with "SAMPLE-") in the shape
 * the personalizer builds, so a template can be previewed for a customer who has no real send yet.
 */
final class SampleData {

    private SampleData() {
    }

    static Map<String, Object> customer() {
        return Map.of("id", "sample-customer", "email", "alex@example.com", "firstName", "Alex", "locale", "en-US");
    }

    /** Sample cart, product and order sections plus the given customer section. */
    static Map<String, Object> variables(Map<String, Object> customer, String currency) {
        List<Map<String, Object>> lines = List.of(
                line("SAMPLE-001", "Sample linen shirt", "49.00", 1),
                line("SAMPLE-002", "Sample canvas tote", "24.50", 2));
        Map<String, Object> vars = new LinkedHashMap<>();
        vars.put("customer", customer);
        vars.put("cart", Map.of("id", "sample-cart", "lines", lines, "itemCount", 3,
                "total", new BigDecimal("98.00"), "currency", currency));
        vars.put("product", Map.of("sku", "SAMPLE-003", "name", "Sample merino scarf", "category", "Accessories",
                "price", new BigDecimal("39.90")));
        vars.put("order", Map.of("orderId", "SAMPLE-1001", "lines", lines, "total", new BigDecimal("98.00"),
                "currency", currency));
        return vars;
    }

    private static Map<String, Object> line(String sku, String name, String price, int quantity) {
        BigDecimal p = new BigDecimal(price);
        return Map.of("sku", sku, "name", name, "price", p, "quantity", quantity,
                "lineTotal", p.multiply(BigDecimal.valueOf(quantity)));
    }
}
