package dev.triggerforge.rules.personalization;

import dev.triggerforge.model.event.CartLine;
import dev.triggerforge.model.event.CustomerEvent;
import dev.triggerforge.model.event.Purchase;
import dev.triggerforge.model.profile.CustomerProfile;
import dev.triggerforge.rules.state.Cart;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the variables a template renders from what the trigger saw (cart, product, order) and the customer's
 * profile, and fills gaps from the profile's last-known values, so an email is never sent with blanks.
 */
public final class Personalizer {

    private static final List<String> PRODUCT_FIELDS = List.of("sku", "name", "category", "price", "imageUrl", "url");

    private Personalizer() {
    }

    public static Map<String, Object> cart(Cart cart) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("id", cart.getId());
        c.put("lines", cart.getLines().stream().map(Personalizer::line).toList());
        c.put("itemCount", cart.getLines().stream().mapToInt(CartLine::quantity).sum());
        c.put("total", cart.getTotal());
        putIfKnown(c, "currency", cart.getCurrency());
        return Map.of("cart", c);
    }

    /** The product an event is about: a product view or a cart line carry the same fields. */
    public static Map<String, Object> product(CustomerEvent event) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (String key : PRODUCT_FIELDS) {
            putIfKnown(m, key, event.properties().get(key));
        }
        return Map.of("product", Map.copyOf(m));
    }

    public static Map<String, Object> order(CustomerEvent purchaseEvent) {
        Purchase p = purchaseEvent.purchase();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("orderId", p.orderId());
        m.put("lines", p.lines().stream().map(Personalizer::line).toList());
        putIfKnown(m, "total", p.total());
        putIfKnown(m, "currency", p.currency());
        return Map.of("order", Map.copyOf(m));
    }

    /** The {@code customer} section, from the profile as it is at send time. */
    public static Map<String, Object> customer(CustomerProfile profile) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", profile.customerId());
        putIfKnown(m, "email", profile.email());
        putIfKnown(m, "firstName", profile.value("firstName"));
        putIfKnown(m, "locale", profile.locale());
        putIfKnown(m, "timezone", profile.timezone());
        return m;
    }

    /**
     * The final variables: the trigger's own plus the customer section, with every required path that is still
     * missing looked up in the profile (by the whole path, then by its last segment). Missing paths are added to
     * {@code missing}.
     */
    public static Map<String, Object> complete(Map<String, Object> fromTrigger, CustomerProfile profile,
                                               List<String> required, List<String> missing) {
        Map<String, Object> vars = deepCopy(fromTrigger);
        vars.put("customer", customer(profile));
        for (String path : required) {
            if (isPresent(lookup(vars, path))) {
                continue;
            }
            Object fallback = profile.value(path);
            if (!isPresent(fallback)) {
                fallback = profile.value(path.substring(path.lastIndexOf('.') + 1));
            }
            if (isPresent(fallback)) {
                put(vars, path, fallback);
            } else {
                missing.add(path);
            }
        }
        return vars;
    }

    private static Map<String, Object> line(CartLine l) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("sku", l.sku());
        putIfKnown(m, "name", l.name());
        putIfKnown(m, "price", l.price());
        m.put("quantity", l.quantity());
        putIfKnown(m, "lineTotal", l.lineTotal());
        putIfKnown(m, "imageUrl", l.imageUrl());
        putIfKnown(m, "url", l.url());
        return m;
    }

    private static void putIfKnown(Map<String, Object> m, String key, Object value) {
        if (value != null) {
            m.put(key, value);
        }
    }

    private static boolean isPresent(Object v) {
        if (v == null) {
            return false;
        }
        if (v instanceof String s) {
            return !s.isBlank();
        }
        if (v instanceof List<?> l) {
            return !l.isEmpty();
        }
        return true;
    }

    @SuppressWarnings("unchecked")
    private static Object lookup(Map<String, Object> vars, String path) {
        Object current = vars;
        for (String part : path.split("\\.")) {
            if (!(current instanceof Map<?, ?> m)) {
                return null;
            }
            current = ((Map<String, Object>) m).get(part);
        }
        return current;
    }

    @SuppressWarnings("unchecked")
    private static void put(Map<String, Object> vars, String path, Object value) {
        String[] parts = path.split("\\.");
        Map<String, Object> current = vars;
        for (int i = 0; i < parts.length - 1; i++) {
            Object next = current.get(parts[i]);
            if (!(next instanceof Map)) {
                next = new LinkedHashMap<String, Object>();
                current.put(parts[i], next);
            }
            current = (Map<String, Object>) next;
        }
        current.put(parts[parts.length - 1], value);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> deepCopy(Map<String, Object> source) {
        Map<String, Object> copy = new LinkedHashMap<>();
        source.forEach((k, v) -> copy.put(k, v instanceof Map<?, ?> m ? deepCopy((Map<String, Object>) m) : v));
        return copy;
    }
}
