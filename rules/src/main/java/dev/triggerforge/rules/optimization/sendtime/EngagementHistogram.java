package dev.triggerforge.rules.optimization.sendtime;

import dev.triggerforge.model.event.CustomerEvent;
import dev.triggerforge.model.event.EventType;
import dev.triggerforge.model.optimization.SendTimeSnapshot;
import dev.triggerforge.model.optimization.SendTimeSnapshot.CustomerHours;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * Per customer, how many emails were opened, clicked and delivered in each local hour of the day, learned one event at
 * a time so the send-time model knows when each customer reads email.
 *
 * <p>Memory is bounded twice: at most {@code maxCustomers} customers are kept, the least recently recorded or read
 * being evicted first; and when one kind of count (opens, clicks or sends) of a customer reaches
 * {@code maxCountPerKind} in total, every hour of that kind is halved (rounding down), so old habits fade and counts
 * never grow without end. Safe for use from several threads.
 */
public final class EngagementHistogram {

    /** Customers kept by {@link #EngagementHistogram()}: about 100 MB at a few hundred bytes each. */
    public static final int DEFAULT_MAX_CUSTOMERS = 250_000;
    /** The total per kind at which counts halve: enough to be sure of an hour, small enough to follow a change. */
    public static final int DEFAULT_MAX_COUNT_PER_KIND = 64;

    private static final int HOURS = SendTimeSnapshot.HOURS;

    private final int maxCustomers;
    private final int maxCountPerKind;
    private final LinkedHashMap<String, Hours> customers;
    private long evictions;

    public EngagementHistogram() {
        this(DEFAULT_MAX_CUSTOMERS, DEFAULT_MAX_COUNT_PER_KIND);
    }

    public EngagementHistogram(int maxCustomers, int maxCountPerKind) {
        if (maxCustomers < 1) {
            throw new IllegalArgumentException("maxCustomers must be at least 1, got " + maxCustomers);
        }
        if (maxCountPerKind < 2) {
            throw new IllegalArgumentException("maxCountPerKind must be at least 2, got " + maxCountPerKind);
        }
        this.maxCustomers = maxCustomers;
        this.maxCountPerKind = maxCountPerKind;
        this.customers = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Hours> eldest) {
                boolean full = size() > EngagementHistogram.this.maxCustomers;
                if (full) {
                    evictions++;
                }
                return full;
            }
        };
    }

    /** A histogram holding what {@code snapshot} saved, with the same bounds and recency order. */
    public static EngagementHistogram restore(SendTimeSnapshot snapshot) {
        EngagementHistogram h = new EngagementHistogram(snapshot.maxCustomers(), snapshot.maxCountPerKind());
        for (CustomerHours c : snapshot.customers()) {
            Hours hours = new Hours();
            copy(c.opens(), hours.opens);
            copy(c.clicks(), hours.clicks);
            copy(c.sends(), hours.sends);
            h.customers.put(c.customerId(), hours);
        }
        return h;
    }

    /**
     * Counts an {@code email_open}, {@code email_click} or {@code email_delivered} event in the local hour, in
     * {@code zone}, of when it happened; returns false and changes nothing for any other event.
     */
    public synchronized boolean record(CustomerEvent event, ZoneId zone) {
        Objects.requireNonNull(zone, "zone");
        if (!isReading(event.type())) {
            return false;
        }
        String type = event.type().name();
        int hour = event.occurredAt().atZone(zone).getHour();
        switch (type) {
            case "email_open" -> add(hoursOf(event.customerId()).opens, hour);
            case "email_click" -> add(hoursOf(event.customerId()).clicks, hour);
            case "email_delivered" -> add(hoursOf(event.customerId()).sends, hour);
            default -> {
                return false;
            }
        }
        return true;
    }

    /** Whether {@link #record} counts events of this type: opens, clicks and deliveries. */
    public static boolean isReading(EventType type) {
        return type.equals(EventType.EMAIL_OPEN) || type.equals(EventType.EMAIL_CLICK)
                || type.equals(EventType.EMAIL_DELIVERED);
    }

    /** The customer's counts, or null when nothing is known about them; counts as a use for eviction. */
    public synchronized CustomerHours hours(String customerId) {
        Hours h = customers.get(customerId);
        return h == null ? null : h.toRecord(customerId);
    }

    /** Opens and clicks together by local hour: what the send-time model learns from; all zero when unknown. */
    public synchronized int[] engagements(String customerId) {
        int[] out = new int[HOURS];
        Hours h = customers.get(customerId);
        if (h != null) {
            for (int i = 0; i < HOURS; i++) {
                out[i] = h.opens[i] + h.clicks[i];
            }
        }
        return out;
    }

    /** Opens and clicks by local hour summed over the customers {@code inSegment} accepts. */
    public synchronized long[] pooledEngagements(Predicate<String> inSegment) {
        long[] out = new long[HOURS];
        for (Map.Entry<String, Hours> e : customers.entrySet()) {
            if (inSegment.test(e.getKey())) {
                Hours h = e.getValue();
                for (int i = 0; i < HOURS; i++) {
                    out[i] += h.opens[i] + h.clicks[i];
                }
            }
        }
        return out;
    }

    public synchronized int size() {
        return customers.size();
    }

    /** Customers forgotten to stay within {@link #maxCustomers()} since this histogram was made. */
    public synchronized long evictions() {
        return evictions;
    }

    public int maxCustomers() {
        return maxCustomers;
    }

    public int maxCountPerKind() {
        return maxCountPerKind;
    }

    /** Everything known, least recently used first; taking it does not change the recency order. */
    public synchronized SendTimeSnapshot snapshot() {
        List<CustomerHours> out = new ArrayList<>(customers.size());
        for (Map.Entry<String, Hours> e : customers.entrySet()) {
            out.add(e.getValue().toRecord(e.getKey()));
        }
        return new SendTimeSnapshot(maxCustomers, maxCountPerKind, out);
    }

    private Hours hoursOf(String customerId) {
        return customers.computeIfAbsent(customerId, id -> new Hours());
    }

    private void add(int[] counts, int hour) {
        counts[hour]++;
        int total = 0;
        for (int c : counts) {
            total += c;
        }
        if (total >= maxCountPerKind) {
            for (int i = 0; i < HOURS; i++) {
                counts[i] /= 2;
            }
        }
    }

    private static void copy(List<Integer> from, int[] to) {
        for (int i = 0; i < HOURS; i++) {
            to[i] = from.get(i);
        }
    }

    /** One customer's three hourly count arrays. */
    private static final class Hours {
        final int[] opens = new int[HOURS];
        final int[] clicks = new int[HOURS];
        final int[] sends = new int[HOURS];

        CustomerHours toRecord(String customerId) {
            return new CustomerHours(customerId, list(opens), list(clicks), list(sends));
        }

        private static List<Integer> list(int[] counts) {
            List<Integer> out = new ArrayList<>(HOURS);
            for (int c : counts) {
                out.add(c);
            }
            return out;
        }
    }
}
