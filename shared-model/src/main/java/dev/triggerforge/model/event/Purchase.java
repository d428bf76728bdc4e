package dev.triggerforge.model.event;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/** What a {@code purchase} event says about the order. */
public record Purchase(String orderId, List<CartLine> lines, BigDecimal total, String currency) {

    public Purchase {
        lines = List.copyOf(lines);
    }

    @SuppressWarnings("unchecked")
    public static Purchase from(Map<String, ?> p) {
        List<Map<String, ?>> raw = (List<Map<String, ?>>) p.get("lines");
        return new Purchase(
                Properties.string(p, "orderId"),
                raw == null ? List.of() : raw.stream().map(CartLine::from).toList(),
                Properties.decimal(p, "total"),
                Properties.string(p, "currency"));
    }

    public boolean containsSku(String sku) {
        return lines.stream().anyMatch(l -> l.sku().equals(sku));
    }
}
