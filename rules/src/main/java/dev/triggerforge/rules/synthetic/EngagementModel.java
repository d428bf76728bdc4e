package dev.triggerforge.rules.synthetic;

import dev.triggerforge.model.decision.EmailDecision;
import dev.triggerforge.model.event.CustomerEvent;
import dev.triggerforge.model.event.EventType;
import dev.triggerforge.rules.session.StableHash;
import dev.triggerforge.rules.simulation.ResponseModel;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.function.Function;

/**
 * Simulated customers answering sends (delivered, open, click or unsubscribe, purchase) with probabilities that depend
 * on the variant and on how fresh the send is, so an A/B test in the simulator has a difference to measure.
 *
 * <p>The answers to a decision come from a random stream seeded by the model seed and a hash of the decision's
 * idempotency key only, so they are the same however the run is partitioned. Every answer carries {@code sendId} (the
 * idempotency key), {@code ruleId} and {@code templateId}, and happens after {@code sendAt}. A variant's lift
 * multiplies its click and purchase chances. With event times given, click and purchase chances also fade with the
 * delay from the latest triggering event to the send: {@code 0.5 + 0.5 * 2^(-delay / 6 h)}. A purchase buys the
 * cart's lines of a cart email, else the email's product, else a product of the default catalog.
 */
public final class EngagementModel implements ResponseModel {

    /** The share of the click and purchase chances that remains however late a send is. */
    static final double FRESHNESS_FLOOR = 0.5;
    /** The delay after which the fading part of the chances has halved. */
    static final long FRESHNESS_HALF_LIFE_MILLIS = 6 * 3_600_000L;

    private static final Catalog CATALOG = Catalog.of(Behaviour.DEFAULTS.catalogSize());
    private static final long MEAN_OPEN_DELAY_MILLIS = 3 * 3_600_000L;

    private final long seed;
    private final EngagementRates base;
    private final Map<String, Double> variantLift;
    private final Function<String, Instant> eventTimes;

    /** A model that does not know when triggering events happened, so the delay does not matter. */
    public EngagementModel(long seed, EngagementRates base, Map<String, Double> variantLift) {
        this(seed, base, variantLift, eventId -> null);
    }

    /**
     * @param eventTimes the time of an event by its id (null when unknown), to find the delay from the events in
     *                   {@link EmailDecision#causedBy()} to the send; see {@link #eventTimes(Collection)}
     */
    public EngagementModel(long seed, EngagementRates base, Map<String, Double> variantLift,
                           Function<String, Instant> eventTimes) {
        this.seed = seed;
        this.base = Objects.requireNonNull(base, "base");
        this.eventTimes = Objects.requireNonNull(eventTimes, "eventTimes");
        Objects.requireNonNull(variantLift, "variantLift").forEach((variant, lift) -> {
            if (lift == null || !(lift >= 0) || lift.isInfinite()) {
                throw new IllegalArgumentException(
                        "lift of variant '" + variant + "' must be a finite number of at least 0, got " + lift);
            }
        });
        this.variantLift = Map.copyOf(variantLift);
    }

    /** A lookup of event times by event id, for the delay-aware constructor. */
    public static Function<String, Instant> eventTimes(Collection<CustomerEvent> events) {
        Map<String, Instant> times = new HashMap<>(events.size() * 2);
        for (CustomerEvent e : events) {
            times.put(e.eventId(), e.occurredAt());
        }
        return times::get;
    }

    @Override
    public List<CustomerEvent> respondTo(EmailDecision d) {
        long hash = StableHash.of(d.idempotencyKey());
        SplittableRandom r = new SplittableRandom(seed ^ hash);
        String idBase = "r-" + Long.toHexString(hash) + "-";
        double boost = lift(d.variant()) * freshness(d);
        List<CustomerEvent> out = new ArrayList<>(5);
        long t = d.sendAt().toEpochMilli() + 1_000 + r.nextLong(29_000);
        out.add(answer(idBase, "delivered", EventType.EMAIL_DELIVERED, t, d, feedback(d)));
        if (r.nextDouble() >= base.open()) {
            return out;
        }
        t += 60_000 + (long) (r.nextExponential() * MEAN_OPEN_DELAY_MILLIS);
        out.add(answer(idBase, "open", EventType.EMAIL_OPEN, t, d, feedback(d)));
        if (r.nextDouble() < base.unsubscribe()) {
            t += 10_000 + r.nextLong(110_000);
            out.add(answer(idBase, "unsubscribe", EventType.EMAIL_UNSUBSCRIBE, t, d, feedback(d)));
            return out;
        }
        if (r.nextDouble() >= Math.min(1.0, base.clickGivenOpen() * boost)) {
            return out;
        }
        List<Map<String, Object>> lines = ResponseLines.of(d.variables(), CATALOG, r);
        t += 5_000 + r.nextLong(295_000);
        Map<String, Object> click = feedback(d);
        Object url = lines.get(0).get("url");
        if (url != null) {
            click.put("url", url);
        }
        out.add(answer(idBase, "click", EventType.EMAIL_CLICK, t, d, click));
        if (r.nextDouble() >= Math.min(1.0, base.purchaseGivenClick() * boost)) {
            return out;
        }
        t += 120_000 + r.nextLong(1_680_000);
        Map<String, Object> purchase = new LinkedHashMap<>(8);
        purchase.put("orderId", idBase + "order");
        purchase.put("lines", lines);
        purchase.put("total", ResponseLines.total(lines));
        purchase.put("currency", Basket.CURRENCY);
        purchase.putAll(feedback(d));
        out.add(answer(idBase, "purchase", EventType.PURCHASE, t, d, purchase));
        return out;
    }

    private double lift(String variant) {
        return variant == null ? 1.0 : variantLift.getOrDefault(variant, 1.0);
    }

    /** 1 for a send right after its trigger, fading towards {@link #FRESHNESS_FLOOR}; 1 when the delay is unknown. */
    private double freshness(EmailDecision d) {
        long send = d.sendAt().toEpochMilli();
        long latest = Long.MIN_VALUE;
        for (String eventId : d.causedBy()) {
            Instant at = eventTimes.apply(eventId);
            if (at != null && at.toEpochMilli() <= send) {
                latest = Math.max(latest, at.toEpochMilli());
            }
        }
        if (latest == Long.MIN_VALUE) {
            return 1.0;
        }
        double halfLives = (double) (send - latest) / FRESHNESS_HALF_LIFE_MILLIS;
        return FRESHNESS_FLOOR + (1 - FRESHNESS_FLOOR) * Math.pow(2, -halfLives);
    }

    private static Map<String, Object> feedback(EmailDecision d) {
        Map<String, Object> m = new LinkedHashMap<>(8);
        m.put("sendId", d.idempotencyKey());
        m.put("ruleId", d.ruleId());
        m.put("templateId", d.templateId());
        return m;
    }

    private static CustomerEvent answer(String idBase, String step, EventType type, long at, EmailDecision d,
                                        Map<String, Object> properties) {
        return new CustomerEvent(idBase + step, d.customerId(), type, Instant.ofEpochMilli(at), properties);
    }
}
