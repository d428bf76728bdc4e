package dev.triggerforge.rules.bench;

import dev.triggerforge.model.trigger.Condition;
import dev.triggerforge.model.trigger.EventMatch;
import dev.triggerforge.model.trigger.Operator;
import dev.triggerforge.model.trigger.Repeat;
import dev.triggerforge.model.trigger.Subject;
import dev.triggerforge.model.trigger.TriggerSpec;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * N varied guided triggers in five shapes (repeated product views by category, carts and orders by value band,
 * category views, searches), each with its own conditions and wait, so that an event matches a handful of triggers
 * as in a segmented real library, not all of them.
 */
final class GeneratedTriggers {

    private static final String[] CATEGORIES = {"shoes", "shirts", "bags", "hats", "coats", "socks", "belts",
            "watches", "rings", "scarves"};
    private static final String[] TERMS = {"red", "sale", "leather", "summer", "wool", "gift", "new", "kids"};

    private GeneratedTriggers() {
    }

    static List<TriggerSpec> of(int count) {
        List<TriggerSpec> specs = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            specs.add(spec(i));
        }
        return specs;
    }

    private static TriggerSpec spec(int i) {
        String id = "gen-" + i;
        List<String> requires = List.of("customer.email");
        EventMatch purchase = EventMatch.of("purchase");
        EventMatch cartAdd = EventMatch.of("cart_add");
        return switch (i % 5) {
            case 0 -> new TriggerSpec(id, id, null, i, Subject.PRODUCT,
                    match("product_view", new Condition("category", Operator.EQ, CATEGORIES[i % 10])),
                    new Repeat(2, Duration.ofHours(12)), Duration.ofMinutes(30 + i), List.of(),
                    List.of(cartAdd, purchase), Duration.ofDays(3), "t" + i, requires, List.of(), null);
            case 1 -> new TriggerSpec(id, id, null, i, Subject.CART,
                    band("cart_add", "price", (i / 5) * 10L, 10),
                    null, Duration.ofMinutes(20 + i), List.of(cartAdd, EventMatch.of("cart_remove")),
                    List.of(purchase), null, "t" + i, requires, List.of(), null);
            case 2 -> new TriggerSpec(id, id, null, i, Subject.CUSTOMER,
                    match("category_view", new Condition("category", Operator.EQ, CATEGORIES[i % 10])),
                    null, Duration.ofMinutes(i), List.of(), List.of(purchase), Duration.ofDays(1), "t" + i,
                    requires, List.of(), null);
            case 3 -> new TriggerSpec(id, id, null, i, Subject.CUSTOMER,
                    match("search", new Condition("query", Operator.CONTAINS, TERMS[i % 8])),
                    null, Duration.ofHours(2), List.of(), List.of(cartAdd), Duration.ofDays(1), "t" + i,
                    requires, List.of(), null);
            default -> new TriggerSpec(id, id, null, i, Subject.ORDER,
                    band("purchase", "total", (i / 5) * 10L, 10),
                    null, Duration.ofDays(1 + i % 3), List.of(), List.of(), null, "t" + i, requires, List.of(),
                    null);
        };
    }

    /** Events whose numeric property falls in [low, low + width): how a team segments carts and orders by value. */
    private static EventMatch band(String type, String property, long low, long width) {
        return new EventMatch(type, List.of(new Condition(property, Operator.GTE, BigDecimal.valueOf(low)),
                new Condition(property, Operator.LT, BigDecimal.valueOf(low + width))));
    }

    private static EventMatch match(String type, Condition condition) {
        return new EventMatch(type, List.of(condition));
    }
}
