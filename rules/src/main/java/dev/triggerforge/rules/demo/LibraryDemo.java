package dev.triggerforge.rules.demo;

import dev.triggerforge.model.decision.EmailDecision;
import dev.triggerforge.model.decision.Suppression;
import dev.triggerforge.model.event.CustomerEvent;
import dev.triggerforge.model.event.EventType;
import dev.triggerforge.model.profile.CustomerProfile;
import dev.triggerforge.rules.compile.CompiledRuleSet;
import dev.triggerforge.rules.compile.RuleSetCompiler;
import dev.triggerforge.rules.compile.RuleSetRejectedException;
import dev.triggerforge.rules.library.TriggerLibrary;
import dev.triggerforge.rules.session.SessionListener;
import dev.triggerforge.rules.session.SessionOptions;
import dev.triggerforge.rules.session.TriggerSession;
import dev.triggerforge.rules.session.WaitTrace;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Runs a few scripted customer journeys through the built-in library on the pseudo clock and prints what the engine
 * decided and why: the quickest way to see the engine work before the server and the simulator exist.
 */
public final class LibraryDemo {

    private static final Instant DAY = Instant.parse("2026-06-01T09:00:00Z");

    private LibraryDemo() {
    }

    public static void main(String[] args) throws RuleSetRejectedException {
        CompiledRuleSet rules = new RuleSetCompiler().compile(TriggerLibrary.ruleSet());
        System.out.printf("Compiled the built-in library (%s) in %d ms%n", String.join(", ", TriggerLibrary.IDS),
                rules.compileTime().toMillis());
        List<CustomerEvent> events = journeys();
        Printer printer = new Printer();
        try (TriggerSession session = new TriggerSession(rules, SessionOptions.DEFAULTS, printer, DAY)) {
            for (String id : List.of("ann", "bob", "cem", "dana")) {
                session.putProfile(new CustomerProfile(id, id + "@example.com", "Europe/Berlin", "en",
                        !id.equals("dana"), Map.of("firstName", id), Map.of()));
            }
            for (CustomerEvent e : events) {
                session.advanceTo(e.occurredAt());
                System.out.printf("%s  event  %-8s %-13s %s%n", e.occurredAt(), e.customerId(), e.type(), e.properties());
                session.offer(e);
            }
            session.advanceTo(DAY.plus(Duration.ofDays(4)));
        }
        System.out.printf("%d decisions, %d suppressions%n", printer.decisions, printer.suppressions);
    }

    private static List<CustomerEvent> journeys() {
        List<CustomerEvent> events = new ArrayList<>();
        cart(events, "ann-1", "ann", 0, "SHOE-42", "89.00");
        cart(events, "bob-1", "bob", 5, "BAG-7", "120.00");
        events.add(event("bob-2", "bob", "purchase", 15, Map.of("orderId", "o-1001", "total", new BigDecimal("120.00"),
                "currency", "EUR", "lines", List.of(line("BAG-7", "120.00")))));
        for (int i = 0; i < 3; i++) {
            events.add(event("cem-" + i, "cem", "product_view", 20 + i * 7, Map.of("sku", "HAT-3", "name", "Wool hat",
                    "price", new BigDecimal("25.00"), "url", "https://shop.example/p/HAT-3")));
        }
        events.add(event("dana-1", "dana", "signup", 30, Map.of("email", "dana@example.com")));
        events.add(event("ann-2", "ann", "signup", 40, Map.of("firstName", "Ann")));
        events.sort(Comparator.comparing(CustomerEvent::occurredAt));
        return events;
    }

    private static void cart(List<CustomerEvent> events, String id, String customer, int minute, String sku,
                             String price) {
        events.add(event(id, customer, "cart_add", minute, line(sku, price)));
    }

    private static Map<String, Object> line(String sku, String price) {
        return Map.of("sku", sku, "name", "Item " + sku, "price", new BigDecimal(price), "quantity", 1L,
                "url", "https://shop.example/p/" + sku);
    }

    private static CustomerEvent event(String id, String customer, String type, int minute, Map<String, Object> p) {
        return new CustomerEvent(id, customer, EventType.of(type), DAY.plus(Duration.ofMinutes(minute)), p);
    }

    private static final class Printer implements SessionListener {
        int decisions;
        int suppressions;

        @Override
        public void onDecision(EmailDecision d) {
            decisions++;
            System.out.printf("%s  SEND   %-8s %-18s template=%s key=%s%n", d.sendAt(), d.customerId(), d.ruleId(),
                    d.templateId(), d.idempotencyKey());
        }

        @Override
        public void onSuppression(Suppression s) {
            suppressions++;
            System.out.printf("%s  HOLD   %-8s %-18s %s (%s)%n", s.at(), s.customerId(), s.ruleId(),
                    s.reason().wireName(), s.detail());
        }

        @Override
        public void onWait(WaitTrace t) {
            System.out.printf("%s  wait   %-8s %-18s %s %s%n", t.at(), t.customerId(), t.ruleId(),
                    t.kind().name().toLowerCase(java.util.Locale.ROOT), t.subject());
        }
    }
}
