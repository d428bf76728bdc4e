package dev.triggerforge.server.delivery.render;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code links} a template renders: shop pages built from {@code triggerforge.delivery.shop-url} and the
 * decision's variables, tagged with UTM parameters so the shop can attribute visits to the email.
 */
final class Links {

    private Links() {
    }

    static Map<String, String> of(String shopUrl, String templateId, Map<String, Object> variables) {
        String shop = shopUrl.endsWith("/") ? shopUrl.substring(0, shopUrl.length() - 1) : shopUrl;
        String utm = "utm_source=triggerforge&utm_medium=email&utm_campaign=" + encode(templateId);
        Map<String, String> links = new LinkedHashMap<>();
        links.put("shop", tagged(shop + "/", utm));
        Object cartId = field(variables, "cart", "id");
        links.put("cart", tagged(shop + "/cart" + (cartId == null ? "" : "?id=" + encode(cartId)), utm));
        Object productUrl = field(variables, "product", "url");
        Object sku = field(variables, "product", "sku");
        String product = productUrl != null ? productUrl.toString()
                : sku != null ? shop + "/products/" + encode(sku) : shop + "/";
        links.put("product", tagged(product, utm));
        Object orderId = field(variables, "order", "orderId");
        links.put("order", tagged(shop + "/account/orders" + (orderId == null ? "" : "/" + encode(orderId)), utm));
        links.put("newArrivals", tagged(shop + "/new", utm));
        links.put("preferences", shop + "/account/email-preferences");
        return links;
    }

    private static Object field(Map<String, Object> variables, String section, String key) {
        if (variables.get(section) instanceof Map<?, ?> m) {
            Object v = m.get(key);
            return v == null || v.toString().isBlank() ? null : v;
        }
        return null;
    }

    private static String tagged(String url, String utm) {
        return url + (url.contains("?") ? "&" : "?") + utm;
    }

    private static String encode(Object value) {
        return URLEncoder.encode(value.toString(), StandardCharsets.UTF_8).replace("+", "%20");
    }
}
