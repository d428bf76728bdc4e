package dev.triggerforge.rules.fact;

import dev.triggerforge.model.event.CartLine;
import dev.triggerforge.model.event.CustomerEvent;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A customer's open cart, kept by the detector rules from {@code cart_add} and {@code cart_remove} until a purchase
 * closes it. Its id is the event id of the {@code cart_add} that opened it. Adds and removals of one sku are ordered
 * by event time, so a late {@code cart_add} that happened before a removal does not bring the line back.
 */
public final class Cart {

    private final String customerId;
    private final String id;
    private final long openedAt;
    private long lastActivityAt;
    private long retainUntil;
    private String currency;
    private final Map<String, CartLine> lines = new LinkedHashMap<>(4);
    private final Map<String, Long> lastAddAt = new HashMap<>(4);
    private final Map<String, Long> lastRemoveAt = new HashMap<>(2);

    public Cart(String customerId, String id, long openedAt) {
        this.customerId = customerId;
        this.id = id;
        this.openedAt = openedAt;
        this.lastActivityAt = openedAt;
    }

    /** Applies a cart event; {@code retainUntil} is when the cart may be forgotten if nothing else happens. */
    public void apply(EventFact fact, long retainUntil) {
        CustomerEvent event = fact.getEvent();
        CartLine line = event.cartLine();
        long at = fact.getTimestamp();
        lastActivityAt = Math.max(lastActivityAt, at);
        this.retainUntil = Math.max(this.retainUntil, retainUntil);
        if ("cart_add".equals(fact.getType())) {
            if (at < lastRemoveAt.getOrDefault(line.sku(), Long.MIN_VALUE)) {
                return;
            }
            lastAddAt.merge(line.sku(), at, Math::max);
            if (event.text("currency") != null) {
                currency = event.text("currency");
            }
            lines.merge(line.sku(), line, (old, added) -> added.withQuantity(old.quantity() + added.quantity()));
            return;
        }
        if (at < lastAddAt.getOrDefault(line.sku(), Long.MIN_VALUE)) {
            return;
        }
        lastRemoveAt.merge(line.sku(), at, Math::max);
        CartLine current = lines.get(line.sku());
        if (current == null) {
            return;
        }
        int left = event.properties().containsKey("quantity") ? current.quantity() - line.quantity() : 0;
        if (left > 0) {
            lines.put(line.sku(), current.withQuantity(left));
        } else {
            lines.remove(line.sku());
        }
    }

    public String getCustomerId() {
        return customerId;
    }

    public String getId() {
        return id;
    }

    /** The subject key of this cart ({@code cart:<id>}). */
    public String getSubject() {
        return Subjects.cart(id);
    }

    public long getOpenedAt() {
        return openedAt;
    }

    public long getLastActivityAt() {
        return lastActivityAt;
    }

    public long getRetainUntil() {
        return retainUntil;
    }

    public boolean isEmpty() {
        return lines.isEmpty();
    }

    public List<CartLine> getLines() {
        return new ArrayList<>(lines.values());
    }

    public String getCurrency() {
        return currency;
    }

    /** Sum of the line totals whose price is known. */
    public BigDecimal getTotal() {
        BigDecimal total = BigDecimal.ZERO;
        for (CartLine l : lines.values()) {
            if (l.lineTotal() != null) {
                total = total.add(l.lineTotal());
            }
        }
        return total;
    }

    @Override
    public String toString() {
        return "Cart[" + id + " of " + customerId + ", " + lines.size() + " lines]";
    }
}
