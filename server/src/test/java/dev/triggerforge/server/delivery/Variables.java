package dev.triggerforge.server.delivery;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Realistic decision variables in the shape the personalizer builds, for the four library templates. */
public final class Variables {

    private Variables() {
    }

    public static Map<String, Object> customer(String id, String email, String firstName) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id);
        if (email != null) {
            m.put("email", email);
        }
        if (firstName != null) {
            m.put("firstName", firstName);
        }
        m.put("locale", "en-US");
        m.put("timezone", "Europe/Berlin");
        return m;
    }

    public static Map<String, Object> line(String sku, String name, String price, int quantity, String imageUrl) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("sku", sku);
        m.put("name", name);
        m.put("price", new BigDecimal(price));
        m.put("quantity", quantity);
        m.put("lineTotal", new BigDecimal(price).multiply(BigDecimal.valueOf(quantity)));
        if (imageUrl != null) {
            m.put("imageUrl", imageUrl);
        }
        m.put("url", "https://shop.example.com/p/" + sku);
        return m;
    }

    /** A two-line cart: 1 x Trail running shoes at 129.95 EUR (with image), 2 x Merino socks at 14.50 (without). */
    public static Map<String, Object> cart(Map<String, Object> customer) {
        Map<String, Object> cart = new LinkedHashMap<>();
        cart.put("id", "cart-42");
        cart.put("lines", List.of(
                line("SHOE-1", "Trail running shoes", "129.95", 1, "https://cdn.example.com/shoe-1.jpg"),
                line("SOCK-7", "Merino socks", "14.50", 2, null)));
        cart.put("itemCount", 3);
        cart.put("total", new BigDecimal("158.95"));
        cart.put("currency", "EUR");
        return with(customer, "cart", cart);
    }

    public static Map<String, Object> product(Map<String, Object> customer) {
        Map<String, Object> product = new LinkedHashMap<>();
        product.put("sku", "JKT-3");
        product.put("name", "Down jacket");
        product.put("category", "Outerwear");
        product.put("price", new BigDecimal("249.00"));
        product.put("imageUrl", "https://cdn.example.com/jkt-3.jpg");
        product.put("url", "https://shop.example.com/p/JKT-3");
        return with(customer, "product", product);
    }

    public static Map<String, Object> order(Map<String, Object> customer) {
        Map<String, Object> order = new LinkedHashMap<>();
        order.put("orderId", "ORD-1001");
        order.put("lines", List.of(line("TENT-2", "Two-person tent", "349.00", 1, "https://cdn.example.com/tent.jpg")));
        order.put("total", new BigDecimal("349.00"));
        order.put("currency", "EUR");
        return with(customer, "order", order);
    }

    public static Map<String, Object> welcome(Map<String, Object> customer) {
        return with(customer, null, null);
    }

    private static Map<String, Object> with(Map<String, Object> customer, String key, Object section) {
        Map<String, Object> vars = new HashMap<>();
        vars.put("customer", customer);
        if (key != null) {
            vars.put(key, section);
        }
        return vars;
    }
}
