package dev.triggerforge.rules.session;

import dev.triggerforge.model.event.CustomerEvent;
import dev.triggerforge.model.event.EventType;
import dev.triggerforge.model.profile.CustomerProfile;
import dev.triggerforge.model.ruleset.RuleSet;
import dev.triggerforge.rules.compile.CompiledRuleSet;
import dev.triggerforge.rules.experiment.ExperimentGate;
import dev.triggerforge.rules.compile.RuleSetCompiler;
import dev.triggerforge.rules.compile.RuleSetRejectedException;
import dev.triggerforge.rules.library.TriggerLibrary;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A session on the built-in library driven through event time, as the simulator drives it: each step advances the
 * pseudo clock to the event, then offers it.
 */
public final class Scenario implements AutoCloseable {

    public static final Instant T0 = Instant.parse("2026-03-10T10:00:00Z");
    private static CompiledRuleSet library;

    public final Recorder recorder = new Recorder();
    public final TriggerSession session;
    private final AtomicInteger ids = new AtomicInteger();

    public Scenario() {
        this(libraryRules(), SessionOptions.DEFAULTS, T0);
    }

    public Scenario(CompiledRuleSet rules, SessionOptions options, Instant start) {
        this(rules, options, start, ExperimentGate.ALL_RUNNING);
    }

    public Scenario(CompiledRuleSet rules, SessionOptions options, Instant start, ExperimentGate experiments) {
        this.session = new TriggerSession(rules, options, recorder, start, experiments);
    }

    public static synchronized CompiledRuleSet libraryRules() {
        if (library == null) {
            library = compile(TriggerLibrary.ruleSet());
        }
        return library;
    }

    public static CompiledRuleSet compile(RuleSet ruleSet) {
        try {
            return new RuleSetCompiler().compile(ruleSet);
        } catch (RuleSetRejectedException e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }

    /** A consenting customer in {@code zone} with an email address and a first name. */
    public Scenario customer(String id, String zone) {
        session.putProfile(new CustomerProfile(id, id + "@example.com", zone, "en", true,
                Map.of("firstName", "Ann"), Map.of()));
        return this;
    }

    public Scenario customer(String id) {
        return customer(id, "UTC");
    }

    public Offer at(Duration offset, String customerId, String type, Object... keyValues) {
        return at(T0.plus(offset), customerId, type, keyValues);
    }

    /** Offers the event at its time and then lets what fell due fire, as the simulator and a server turn do. */
    public Offer at(Instant when, String customerId, String type, Object... keyValues) {
        session.advanceTo(when);
        Offer offer = session.offer(event(customerId, type, when, keyValues));
        session.advanceTo(when);
        return offer;
    }

    public CustomerEvent event(String customerId, String type, Instant when, Object... keyValues) {
        return new CustomerEvent("e" + ids.incrementAndGet(), customerId, EventType.of(type), when, props(keyValues));
    }

    public Scenario advance(Duration offset) {
        session.advanceTo(T0.plus(offset));
        return this;
    }

    public static Map<String, Object> props(Object... keyValues) {
        Map<String, Object> p = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            p.put((String) keyValues[i], keyValues[i + 1]);
        }
        return p;
    }

    public static Object[] cartLine(String sku, String price) {
        return new Object[]{"sku", sku, "name", "Product " + sku, "price", new java.math.BigDecimal(price),
                "quantity", 1L, "imageUrl", "https://shop.example/" + sku + ".jpg", "url", "https://shop.example/p/" + sku};
    }

    public static Object[] purchase(String orderId, String... skus) {
        List<Map<String, Object>> lines = java.util.Arrays.stream(skus)
                .map(s -> props(cartLine(s, "10.00"))).toList();
        return new Object[]{"orderId", orderId, "lines", lines, "total",
                new java.math.BigDecimal("10.00").multiply(java.math.BigDecimal.valueOf(skus.length)), "currency", "EUR"};
    }

    @Override
    public void close() {
        session.close();
    }
}
