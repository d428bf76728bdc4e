package dev.triggerforge.rules.synthetic;

import dev.triggerforge.rules.synthetic.Catalog.Product;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A synthetic customer's cart, kept across visits until bought, with the properties of the checkout and the order
 * it becomes, so an order's lines are always exactly what the cart events put in.
 */
final class Basket {

    static final String CURRENCY = "EUR";

    private final List<Line> lines = new ArrayList<>(4);

    boolean isEmpty() {
        return lines.isEmpty();
    }

    int size() {
        return lines.size();
    }

    /** Adds to the line of the product, or a new line. */
    void add(Product product, long quantity) {
        for (Line line : lines) {
            if (line.product == product) {
                line.quantity += quantity;
                return;
            }
        }
        lines.add(new Line(product, quantity));
    }

    /** Removes line {@code index} and returns its {@code cart_remove} properties. */
    Map<String, Object> remove(int index) {
        Line removed = lines.remove(index);
        return removed.product.line(removed.quantity);
    }

    void clear() {
        lines.clear();
    }

    /** The properties of a {@code checkout_start}: item count, total and currency. */
    Map<String, Object> checkout() {
        long items = 0;
        for (Line line : lines) {
            items += line.quantity;
        }
        Map<String, Object> m = new LinkedHashMap<>(4);
        m.put("itemCount", items);
        m.put("total", total());
        m.put("currency", CURRENCY);
        return m;
    }

    /** The properties of a {@code purchase} of the whole cart. */
    Map<String, Object> order(String orderId) {
        List<Map<String, Object>> orderLines = new ArrayList<>(lines.size());
        for (Line line : lines) {
            orderLines.add(line.product.line(line.quantity));
        }
        Map<String, Object> m = new LinkedHashMap<>(4);
        m.put("orderId", orderId);
        m.put("lines", Collections.unmodifiableList(orderLines));
        m.put("total", total());
        m.put("currency", CURRENCY);
        return m;
    }

    private BigDecimal total() {
        BigDecimal total = BigDecimal.valueOf(0, 2);
        for (Line line : lines) {
            total = total.add(line.product.price().multiply(BigDecimal.valueOf(line.quantity)));
        }
        return total;
    }

    /** A product and how many of it. */
    private static final class Line {
        final Product product;
        long quantity;

        Line(Product product, long quantity) {
            this.product = product;
            this.quantity = quantity;
        }
    }
}
