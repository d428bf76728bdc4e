package dev.triggerforge.server.demo;

import dev.triggerforge.model.event.CustomerEvent;
import dev.triggerforge.model.event.EventType;
import dev.triggerforge.model.profile.CustomerProfile;
import dev.triggerforge.rules.synthetic.Behaviour;
import dev.triggerforge.rules.synthetic.SyntheticConfig;
import dev.triggerforge.rules.synthetic.SyntheticTraffic;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The demo's synthetic shopping, free of Quarkus so it can be tested on its own: every customer's profile, a backlog of
 * journeys shifted so they have just happened, and an endless {@link LiveEvents} feed after it.
 *
 * <p>One run of the rules module's {@link SyntheticTraffic} over a day that starts on a busy Monday evening (in Europe;
 * midday in New York) supplies the backlog and then the first live events, the rest of that day. The backlog window
 * opens a quarter of an hour into the day, when visits are under way as they would be in a real shop (the events
 * before it are dropped), and is moved to end at the start time. Every customer is already known, with an email and
 * marketing consent, so that decisions are not all suppressed; each customer's {@code profile_update} event, which
 * sets exactly those fields, comes first. Event ids carry a run id taken from the start time, so a restarted demo is
 * not dropped as a duplicate of the last one.
 */
public final class DemoJourneys {

    /** Monday 5 January 2026, 18:00 UTC: the synthetic shop's evening peak in Europe and midday in New York. */
    static final Instant PERIOD_START = SyntheticConfig.DEFAULT_START.plus(Duration.ofHours(18));
    /** How far into the generated day the backlog window opens, so that it starts with visits under way. */
    static final Duration WARM_UP = Duration.ofMinutes(15);
    /** The length of one generated batch; the backlog fits in it after the warm-up. */
    static final Duration BATCH_PERIOD = Duration.ofDays(1);
    /** The longest backlog. */
    static final Duration MAX_BACKLOG = BATCH_PERIOD.minus(WARM_UP);
    /**
     * The default shop, busier (12 visits per customer per day, carts in half the visits with product views) so a
     * couple of hundred customers fill a 45-minute backlog, and with every customer known and consenting.
     */
    static final Behaviour BEHAVIOUR = busyAndConsenting(Behaviour.DEFAULTS);

    private final int customers;
    private final long seed;
    private final Duration backlog;
    private final Instant startedAt;
    private final String runId;
    private final SyntheticTraffic firstBatch;

    /**
     * @param startedAt when the demo starts: the backlog ends just before it, and ids are unique to it
     * @throws IllegalArgumentException when {@code customers} is below 1 or {@code backlog} is not within one day
     */
    public DemoJourneys(int customers, long seed, Duration backlog, Instant startedAt) {
        if (customers < 1) {
            throw new IllegalArgumentException("triggerforge.demo.customers must be at least 1, got " + customers);
        }
        if (backlog.isNegative() || backlog.isZero() || backlog.compareTo(MAX_BACKLOG) > 0) {
            throw new IllegalArgumentException(
                    "triggerforge.demo.backlog must be more than 0 and at most " + MAX_BACKLOG + ", got " + backlog);
        }
        this.customers = customers;
        this.seed = seed;
        this.backlog = backlog;
        this.startedAt = startedAt.truncatedTo(ChronoUnit.MILLIS);
        this.runId = "demo" + Long.toString(this.startedAt.toEpochMilli(), 36);
        this.firstBatch = generate(0);
    }

    /**
     * Each customer's {@code profile_update} at the start of the backlog window, then the first batch's journeys from
     * {@link #WARM_UP} into the day for {@code backlog}, shifted into {@code [startedAt - backlog, startedAt)}, in
     * {@code occurredAt} order.
     */
    public List<CustomerEvent> backlog() {
        Instant windowStart = startedAt.minus(backlog);
        Instant windowStartInPeriod = PERIOD_START.plus(WARM_UP);
        Instant windowEndInPeriod = windowStartInPeriod.plus(backlog);
        Duration shift = Duration.between(windowStartInPeriod, windowStart);
        List<CustomerEvent> out = new ArrayList<>(firstBatch.profiles().size() + firstBatch.events().size() / 16);
        for (CustomerProfile p : firstBatch.profiles()) {
            out.add(profileUpdate(p, p.customerId(), id(0, "profile-" + p.customerId()), windowStart));
        }
        for (CustomerEvent e : firstBatch.events()) {
            if (e.occurredAt().isBefore(windowStartInPeriod)) {
                continue;
            }
            if (!e.occurredAt().isBefore(windowEndInPeriod)) {
                break;
            }
            out.add(new CustomerEvent(id(0, e.eventId()), e.customerId(), e.type(), e.occurredAt().plus(shift),
                    e.properties()));
        }
        return out;
    }

    /** The live events that follow the backlog, without end. */
    public LiveEvents live() {
        return new LiveEvents(this);
    }

    /**
     * Batch {@code n} of live events, in order, with placeholder times that {@link LiveEvents} replaces. Batch 0 is
     * the rest of the backlog's day, for the same customers; batch {@code n > 0} is a new day of traffic (seed
     * {@code seed + n}) for new customers, renamed with the suffix {@code -b<n>}, each introduced by a
     * {@code profile_update}. New customers let earlier ones go quiet, so their left carts trigger in the live feed
     * too.
     */
    List<CustomerEvent> batch(int n) {
        if (n == 0) {
            Instant windowEndInPeriod = PERIOD_START.plus(WARM_UP).plus(backlog);
            List<CustomerEvent> rest = new ArrayList<>();
            for (CustomerEvent e : firstBatch.events()) {
                if (!e.occurredAt().isBefore(windowEndInPeriod)) {
                    rest.add(new CustomerEvent(id(0, e.eventId()), e.customerId(), e.type(), e.occurredAt(),
                            e.properties()));
                }
            }
            return rest;
        }
        SyntheticTraffic traffic = generate(n);
        List<CustomerEvent> out = new ArrayList<>(traffic.profiles().size() + traffic.events().size());
        String suffix = "-b" + n;
        for (CustomerProfile p : traffic.profiles()) {
            out.add(profileUpdate(p, p.customerId() + suffix, id(n, "profile-" + p.customerId()), PERIOD_START));
        }
        for (CustomerEvent e : traffic.events()) {
            out.add(new CustomerEvent(id(n, e.eventId()), e.customerId() + suffix, e.type(), e.occurredAt(),
                    e.properties()));
        }
        return out;
    }

    public int customers() {
        return customers;
    }

    public Duration backlogLength() {
        return backlog;
    }

    public Instant startedAt() {
        return startedAt;
    }

    private SyntheticTraffic generate(int batch) {
        return SyntheticTraffic.generate(new SyntheticConfig(customers, 1, seed + batch, PERIOD_START, BEHAVIOUR));
    }

    private String id(int batch, String original) {
        return runId + "-b" + batch + "-" + original;
    }

    /** The {@code profile_update} that tells the server what the synthetic shop knows about {@code profile}. */
    static CustomerEvent profileUpdate(CustomerProfile profile, String customerId, String eventId, Instant at) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("email", Objects.requireNonNull(profile.email(), "demo customers are known, with an email"));
        properties.put("marketingConsent", profile.marketingConsent());
        properties.put("timezone", profile.timezone());
        properties.put("locale", profile.locale());
        properties.put("firstName", profile.attributes().get("firstName"));
        return new CustomerEvent(eventId, customerId, EventType.PROFILE_UPDATE, at, properties);
    }

    private static Behaviour busyAndConsenting(Behaviour b) {
        return new Behaviour(12.0, 0.0, 1.0, b.searchProbability(), b.categoryViewProbability(),
                b.productViewsPerSession(), b.reViewProbability(), 0.5, b.cartRemoveProbability(),
                b.checkoutStartProbability(), b.purchaseProbability(), b.catalogSize());
    }
}
