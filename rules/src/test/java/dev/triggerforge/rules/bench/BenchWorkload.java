package dev.triggerforge.rules.bench;

import dev.triggerforge.model.event.CustomerEvent;
import dev.triggerforge.model.event.EventType;
import dev.triggerforge.model.profile.CustomerProfile;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A seeded mix of shop journeys for the engine benchmark: browsing with repeated product views, carts that are
 * bought or abandoned, searches, sign-ups and page-view noise, interleaved across customers in event-time order.
 */
final class BenchWorkload {

    static final Instant START = Instant.parse("2026-03-02T00:00:00Z");
    private static final String[] ZONES = {"UTC", "Europe/Berlin", "America/New_York", "Asia/Tokyo", "Europe/London"};
    private static final String[] CATEGORIES = {"shoes", "shirts", "bags", "hats", "coats", "socks", "belts",
            "watches", "rings", "scarves"};
    private static final String[] TERMS = {"red", "sale", "leather", "summer", "wool", "gift", "new", "kids"};

    final List<CustomerEvent> events = new ArrayList<>();
    final List<CustomerProfile> profiles = new ArrayList<>();

    BenchWorkload(int customers, long spanMillis, long seed) {
        Random random = new Random(seed);
        for (int c = 0; c < customers; c++) {
            String id = "c" + c;
            profiles.add(new CustomerProfile(id, id + "@example.com", ZONES[c % ZONES.length], "en", true,
                    Map.of("firstName", "Ann"), Map.of()));
            journey(id, START.toEpochMilli() + (long) (random.nextDouble() * spanMillis), random);
        }
        events.sort(Comparator.comparing(CustomerEvent::occurredAt).thenComparing(CustomerEvent::eventId));
    }

    private void journey(String customer, long t, Random r) {
        int[] seq = {0};
        long at = t;
        for (int i = 0; i < 3; i++) {
            at += 20_000 + r.nextInt(60_000);
            add(customer, seq, "page_view", at, Map.of("url", "https://shop.example/" + r.nextInt(100)));
        }
        if (r.nextInt(10) == 0) {
            add(customer, seq, "signup", at, Map.of("email", customer + "@example.com"));
        }
        at += 30_000;
        add(customer, seq, "search", at, Map.of("query", TERMS[r.nextInt(TERMS.length)] + " things"));
        String category = CATEGORIES[r.nextInt(CATEGORIES.length)];
        add(customer, seq, "category_view", at + 10_000, Map.of("category", category));
        String sku = "SKU-" + r.nextInt(500);
        int views = 2 + r.nextInt(3);
        for (int i = 0; i < views; i++) {
            at += 60_000 + r.nextInt(120_000);
            add(customer, seq, "product_view", at, product(sku, category, r));
        }
        if (r.nextInt(10) < 4) {
            at += 60_000;
            add(customer, seq, "cart_add", at, line(sku, r));
            at += 120_000;
            add(customer, seq, "cart_add", at, line("SKU-" + r.nextInt(500), r));
            if (r.nextBoolean()) {
                at += 600_000;
                add(customer, seq, "purchase", at, Map.of("orderId", customer + "-o", "lines",
                        List.of(line(sku, r)), "total", new BigDecimal("59.90"), "currency", "EUR"));
            }
        }
    }

    private static Map<String, Object> product(String sku, String category, Random r) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("sku", sku);
        p.put("name", "Product " + sku);
        p.put("category", category);
        p.put("price", BigDecimal.valueOf(5 + r.nextInt(200)));
        p.put("url", "https://shop.example/p/" + sku);
        return p;
    }

    private static Map<String, Object> line(String sku, Random r) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("sku", sku);
        p.put("name", "Product " + sku);
        p.put("price", BigDecimal.valueOf(5 + r.nextInt(200)));
        p.put("quantity", 1L);
        return p;
    }

    private void add(String customer, int[] seq, String type, long at, Map<String, Object> props) {
        events.add(new CustomerEvent(customer + "-" + seq[0]++, customer, EventType.of(type), Instant.ofEpochMilli(at),
                props));
    }
}
