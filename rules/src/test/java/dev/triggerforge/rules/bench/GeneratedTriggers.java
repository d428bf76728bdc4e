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

/** N varied guided triggers (five shapes, different conditions and waits), like a marketing team's real library. */
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
                    match("cart_add", new Condition("price", Operator.GTE, BigDecimal.valueOf((i % 7) * 10L))),
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
                    match("purchase", new Condition("total", Operator.GTE, BigDecimal.valueOf((i % 5) * 20L))),
                    null, Duration.ofDays(1 + i % 3), List.of(), List.of(), null, "t" + i, requires, List.of(),
                    null);
        };
    }

    private static EventMatch match(String type, Condition condition) {
        return new EventMatch(type, List.of(condition));
    }
}
