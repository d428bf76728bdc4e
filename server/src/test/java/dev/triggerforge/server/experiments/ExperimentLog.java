package dev.triggerforge.server.experiments;

import dev.triggerforge.model.decision.EmailDecision;
import dev.triggerforge.model.decision.Suppression;
import dev.triggerforge.model.decision.SuppressionReason;
import dev.triggerforge.model.event.CustomerEvent;
import dev.triggerforge.model.event.EventType;
import dev.triggerforge.model.json.EventCodec;
import dev.triggerforge.model.json.Json;
import dev.triggerforge.model.profile.CustomerProfile;
import dev.triggerforge.model.ruleset.GuardrailSettings;
import dev.triggerforge.model.ruleset.RuleSet;
import dev.triggerforge.model.trigger.EventMatch;
import dev.triggerforge.model.trigger.Subject;
import dev.triggerforge.model.trigger.TriggerSpec;
import dev.triggerforge.model.trigger.Variant;
import dev.triggerforge.rules.compile.CompiledRuleSet;
import dev.triggerforge.rules.compile.RuleSetCompiler;
import dev.triggerforge.rules.compile.RuleSetRejectedException;
import dev.triggerforge.rules.session.StableHash;
import dev.triggerforge.rules.simulation.SimulationOptions;
import dev.triggerforge.rules.simulation.SimulationRun;
import dev.triggerforge.rules.simulation.Simulator;
import dev.triggerforge.server.rulesets.RuleSetUpload;
import dev.triggerforge.server.security.RuleSetBodies;
import io.restassured.http.ContentType;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;

/**
 * An event log for an experiment, in real time: cart adds a moment ago for a trigger that waits seconds, then (once
 * the emails are due) what customers did with them, so the live server sees the events as a shop would send them
 * and the simulator can be run on the very same log.
 */
public final class ExperimentLog {

    public static final GuardrailSettings NO_QUIET_HOURS = new GuardrailSettings(5, Duration.ofHours(24),
            LocalTime.MIDNIGHT, LocalTime.MIDNIGHT);
    public static final Duration WAIT = Duration.ofSeconds(10);

    public final List<CustomerProfile> profiles = new ArrayList<>();
    public final List<CustomerEvent> carts = new ArrayList<>();

    /** A cart trigger waiting {@link #WAIT}, with base parameters its variants override. */
    public static TriggerSpec trigger(String ruleId, String experiment, List<Variant> variants) {
        return new TriggerSpec(ruleId, "Cart test", null, 10, Subject.CART, new EventMatch("cart_add", List.of()),
                null, WAIT, List.of(), List.of(), null, "cart-abandonment", List.of(), variants, null, experiment,
                Map.of("subjectLine", "You left something in your cart", "discount", 0));
    }

    public static RuleSet ruleSet(TriggerSpec trigger) {
        return new RuleSet("experiment", List.of(), List.of(trigger), NO_QUIET_HOURS);
    }

    /** {@code customers} consenting customers; their carts come later, with {@link #addCartsNow()}. */
    public static ExperimentLog customers(String prefix, int customers) {
        ExperimentLog log = new ExperimentLog();
        for (int i = 0; i < customers; i++) {
            String id = prefix + "-" + i;
            log.profiles.add(new CustomerProfile(id, id + "@example.com", "Etc/GMT", "en", true,
                    Map.of("firstName", "Ann"), Map.of()));
        }
        return log;
    }

    /**
     * Each customer adds one item to a cart, a millisecond apart from a moment ago: stamped just before they are
     * sent, so the server gets them while every wait is still ahead.
     */
    public List<CustomerEvent> addCartsNow() {
        Instant start = Instant.now().minusMillis(500);
        for (int i = 0; i < profiles.size(); i++) {
            String id = profiles.get(i).customerId();
            carts.add(CustomerEvent.of(id + "-cart", id, EventType.CART_ADD, start.plusMillis(i),
                    Map.of("sku", "SKU-1", "name", "Red shoes", "price", 59.9, "quantity", 1, "currency", "EUR")));
        }
        return carts;
    }

    /**
     * What customers did a few seconds after each send: delivered, opened with {@code open} chance, clicked with the
     * variant's chance ("none" for sends outside an experiment), bought with {@code buy} chance after a click;
     * held-out customers buy with {@code holdoutBuy} chance, naming no send. Seeded by the send, so the same run
     * gives the same feedback.
     */
    public static List<CustomerEvent> feedback(SimulationRun run, double open, Map<String, Double> click, double buy,
                                        double holdoutBuy) {
        List<CustomerEvent> events = new ArrayList<>();
        for (EmailDecision d : run.decisions()) {
            SplittableRandom r = new SplittableRandom(StableHash.of(d.idempotencyKey()));
            String id = "fb-" + Long.toHexString(StableHash.of(d.idempotencyKey()));
            Map<String, Object> about = Map.of("sendId", d.idempotencyKey(), "ruleId", d.ruleId(),
                    "templateId", d.templateId());
            events.add(CustomerEvent.of(id + "-delivered", d.customerId(), EventType.EMAIL_DELIVERED,
                    d.sendAt().plusSeconds(1), about));
            if (r.nextDouble() < open) {
                events.add(CustomerEvent.of(id + "-open", d.customerId(), EventType.EMAIL_OPEN,
                        d.sendAt().plusSeconds(2), about));
                if (r.nextDouble() < click.getOrDefault(Objects.toString(d.variant(), "none"), 0.0)) {
                    events.add(CustomerEvent.of(id + "-click", d.customerId(), EventType.EMAIL_CLICK,
                            d.sendAt().plusSeconds(3), about));
                    if (r.nextDouble() < buy) {
                        events.add(purchase(id, d.customerId(), d.sendAt().plusSeconds(4), d.idempotencyKey()));
                    }
                }
            }
        }
        for (Suppression s : run.suppressions()) {
            SplittableRandom r = new SplittableRandom(StableHash.of(s.customerId()));
            if (s.reason() == SuppressionReason.HOLDOUT && r.nextDouble() < holdoutBuy) {
                events.add(purchase("fb-" + s.customerId(), s.customerId(), s.at().plusSeconds(4), null));
            }
        }
        events.sort(Comparator.comparing(CustomerEvent::occurredAt).thenComparing(CustomerEvent::eventId));
        return events;
    }

    private static CustomerEvent purchase(String id, String customerId, Instant at, String sendId) {
        Map<String, Object> order = new HashMap<>(Map.of("orderId", id + "-order", "total", 59.9,
                "currency", "EUR", "lines", List.of(Map.of("sku", "SKU-1", "name", "Red shoes", "price", 59.9,
                        "quantity", 1))));
        if (sendId != null) {
            order.put("sendId", sendId);
        }
        return CustomerEvent.of(id + "-purchase", customerId, EventType.PURCHASE, at, order);
    }

    public static SimulationRun simulate(RuleSet ruleSet, List<CustomerEvent> events, List<CustomerProfile> profiles,
                                  Instant until) throws RuleSetRejectedException, InterruptedException {
        return new Simulator(compile(ruleSet), options(until)).run(events, profiles);
    }

    public static SimulationOptions options(Instant until) {
        SimulationOptions d = SimulationOptions.defaults();
        return new SimulationOptions(1, until, d.timelineCustomers(), d.responses(), d.session(), Duration.ofDays(7),
                d.conflictWindow(), 0.95, d.progress());
    }

    public static CompiledRuleSet compile(RuleSet ruleSet) throws RuleSetRejectedException {
        return new RuleSetCompiler().compile(ruleSet);
    }

    /** Uploads and activates the rule set through the API; returns its version. */
    public static long deploy(RuleSet ruleSet) {
        long version = given().contentType(ContentType.JSON).body(RuleSetBodies.json(new RuleSetUpload(ruleSet.name(),
                        "experiment test", null, ruleSet.drl(), ruleSet.triggers(), ruleSet.guardrails())))
                .post("/api/rulesets").then().statusCode(201).extract().jsonPath().getLong("version");
        given().post("/api/rulesets/" + version + "/activate").then().statusCode(200);
        return version;
    }

    /** Stores the profiles, then publishes the events in batches, through the API as a shop would. */
    public static void feed(List<CustomerProfile> profiles, List<CustomerEvent> events) throws Exception {
        for (CustomerProfile p : profiles) {
            given().contentType(ContentType.JSON).body(Json.mapper().writeValueAsString(Map.of("email", p.email(),
                            "timezone", p.timezone(), "locale", p.locale(), "marketingConsent", true,
                            "attributes", p.attributes())))
                    .put("/api/customers/" + p.customerId()).then().statusCode(200);
        }
        for (int from = 0; from < events.size(); from += 200) {
            String batch = events.subList(from, Math.min(events.size(), from + 200)).stream().map(EventCodec::encode)
                    .collect(Collectors.joining(",", "[", "]"));
            given().contentType(ContentType.JSON).body(batch).post("/api/events").then().statusCode(202);
        }
    }

    /** Sleeps until every event of the list lies in the past, so the server takes it as it is. */
    public static void waitUntilPast(List<CustomerEvent> events) throws InterruptedException {
        Instant last = events.stream().map(CustomerEvent::occurredAt).max(Instant::compareTo).orElse(Instant.now());
        long millis = Duration.between(Instant.now(), last).toMillis() + 500;
        if (millis > 0) {
            Thread.sleep(millis);
        }
    }
}
