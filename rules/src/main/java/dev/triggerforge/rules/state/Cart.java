package dev.triggerforge.rules.state;

import dev.triggerforge.model.event.CartLine;
import dev.triggerforge.model.event.CustomerEvent;
import dev.triggerforge.model.event.EventType;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A customer's open cart, kept from {@code cart_add} and {@code cart_remove} until a purchase closes it. Its id is the event id of the {@code cart_add} that opened it. Adds and removals of one sku are ordered
 * by event time, so a late {@code cart_add} that happened before a removal does not bring the line back.
 */
public final class Cart {

    private final String id;
    private final String subject;
    private final long openedAt;
    private long retainUntil;
    private String currency;
    private final Map<String, Line> lines = new LinkedHashMap<>(4);
    private Map<String, Long> lastRemoveAt;

    /** A line with the event time of its latest add, so a late removal that happened before it is ignored. */
    private record Line(CartLine line, long addedAt) {
    }

    public Cart(String id, long openedAt) {
        this.id = id;
        this.subject = Subjects.cart(id);
        this.openedAt = openedAt;
    }

    /** Applies a cart event; {@code retainUntil} is when the cart may be forgotten if nothing else happens. */
    public void apply(CustomerEvent event, long at, long retainUntil) {
        CartLine line = event.cartLine();
        this.retainUntil = Math.max(this.retainUntil, retainUntil);
        Line current = lines.get(line.sku());
        if (event.is(EventType.CART_ADD)) {
            if (lastRemoveAt != null && at < lastRemoveAt.getOrDefault(line.sku(), Long.MIN_VALUE)) {
                return;
            }
            if (event.text("currency") != null) {
                currency = event.text("currency");
            }
            lines.put(line.sku(), current == null
                    ? new Line(line, at)
                    : new Line(line.withQuantity(current.line.quantity() + line.quantity()), Math.max(at, current.addedAt)));
            return;
        }
        if (current != null && at < current.addedAt) {
            return;
        }
        if (lastRemoveAt == null) {
            lastRemoveAt = new HashMap<>(2);
        }
        lastRemoveAt.merge(line.sku(), at, Math::max);
        if (current == null) {
            return;
        }
        int left = event.properties().containsKey("quantity") ? current.line.quantity() - line.quantity() : 0;
        if (left > 0) {
            lines.put(line.sku(), new Line(current.line.withQuantity(left), current.addedAt));
        } else {
            lines.remove(line.sku());
        }
    }

    public String getId() {
        return id;
    }

    /** The subject key of this cart ({@code cart:<id>}). */
    public String getSubject() {
        return subject;
    }

    public long getOpenedAt() {
        return openedAt;
    }

    public long getRetainUntil() {
        return retainUntil;
    }

    public boolean isEmpty() {
        return lines.isEmpty();
    }

    public List<CartLine> getLines() {
        List<CartLine> out = new ArrayList<>(lines.size());
        lines.values().forEach(l -> out.add(l.line));
        return out;
    }

    public String getCurrency() {
        return currency;
    }

    /** Sum of the line totals whose price is known. */
    public BigDecimal getTotal() {
        BigDecimal total = BigDecimal.ZERO;
        for (Line l : lines.values()) {
            if (l.line.lineTotal() != null) {
                total = total.add(l.line.lineTotal());
            }
        }
        return total;
    }

    @Override
    public String toString() {
        return "Cart[" + id + ", " + lines.size() + " lines]";
    }
}
