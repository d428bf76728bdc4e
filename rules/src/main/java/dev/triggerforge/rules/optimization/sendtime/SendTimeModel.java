package dev.triggerforge.rules.optimization.sendtime;

import dev.triggerforge.model.optimization.SendTimeSnapshot;
import dev.triggerforge.rules.guardrail.QuietHours;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Picks the moment within a window when a customer is most likely to read an email, from their own hourly history
 * and their segment's prior, so a due send can wait a few hours for the customer instead of going out at once.
 *
 * <p>The probability of local hour {@code h} is the Dirichlet posterior mean {@code (c_h + a_h) / (C + A)}: the
 * customer's opens and clicks in that hour plus the segment's pseudo-count, over the customer's total plus the prior
 * strength. The candidates are the earliest instant and the start of every local hour up to {@code windowHours}
 * later; one inside quiet hours is moved to where they end, and dropped if that is past the window.
 */
public final class SendTimeModel {

    private static final int HOURS = SendTimeSnapshot.HOURS;

    private final EngagementHistogram history;
    private final Function<String, SegmentPrior> priorOf;

    /** A model where every customer leans on the same prior. */
    public SendTimeModel(EngagementHistogram history, SegmentPrior prior) {
        this(history, sameFor(prior));
    }

    /** A model where {@code priorOf} gives each customer's segment prior. */
    public SendTimeModel(EngagementHistogram history, Function<String, SegmentPrior> priorOf) {
        this.history = Objects.requireNonNull(history, "history");
        this.priorOf = Objects.requireNonNull(priorOf, "priorOf");
    }

    /** The posterior probability of engagement in each local hour 0-23 for the customer. */
    public double[] hourProbabilities(String customerId) {
        return posterior(history.engagements(customerId), priorOf.apply(customerId));
    }

    /**
     * The instant within {@code [earliest, earliest + windowHours h]} whose local hour in {@code zone} has the highest
     * posterior probability, outside {@code quiet}, the earliest on ties. When quiet hours cover the whole window the
     * send goes out when they end, even if that is past the window, as the quiet-hours guardrail would do.
     */
    public SendTimeChoice bestTime(String customerId, ZoneId zone, Instant earliest, int windowHours,
                                   QuietHours quiet) {
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(earliest, "earliest");
        Objects.requireNonNull(quiet, "quiet");
        if (windowHours < 0) {
            throw new IllegalArgumentException("windowHours must be at least 0, got " + windowHours);
        }
        int[] own = history.engagements(customerId);
        SegmentPrior prior = priorOf.apply(customerId);
        double[] p = posterior(own, prior);
        Instant latest = earliest.plus(Duration.ofHours(windowHours));

        Instant best = null;
        for (Instant candidate : candidates(zone, earliest, latest, quiet)) {
            if (best == null || p[hourOf(candidate, zone)] > p[hourOf(best, zone)]) {
                best = candidate;
            }
        }
        boolean quietWholeWindow = best == null;
        if (quietWholeWindow) {
            best = Instant.ofEpochMilli(quiet.nextAllowed(earliest.toEpochMilli(), zone));
        }
        int hour = hourOf(best, zone);
        Map<Integer, Double> byHour = new LinkedHashMap<>(HOURS * 2);
        for (int h = 0; h < HOURS; h++) {
            byHour.put(h, p[h]);
        }
        String reason = evidence(own, prior, top(p)) + "; " + sending(best, hour, earliest, zone)
                + (quietWholeWindow ? " (quiet hours cover the whole window)" : "")
                + (!quietWholeWindow && p[top(p)] > p[hour] ? " (" + clock(top(p)) + " is in quiet hours or outside "
                + "the " + windowHours + " h window)" : "");
        return new SendTimeChoice(best, hour, p[hour], byHour, reason);
    }

    private static Function<String, SegmentPrior> sameFor(SegmentPrior prior) {
        Objects.requireNonNull(prior, "prior");
        return customerId -> prior;
    }

    private static TreeSet<Instant> candidates(ZoneId zone, Instant earliest, Instant latest, QuietHours quiet) {
        TreeSet<Instant> out = new TreeSet<>();
        allowed(earliest, latest, zone, quiet, out);
        ZonedDateTime hourStart = earliest.atZone(zone).truncatedTo(ChronoUnit.HOURS);
        Instant t = hourStart.toInstant();
        while (!t.isAfter(latest)) {
            if (t.isAfter(earliest)) {
                allowed(t, latest, zone, quiet, out);
            }
            t = t.plus(Duration.ofHours(1));
        }
        return out;
    }

    private static void allowed(Instant t, Instant latest, ZoneId zone, QuietHours quiet, TreeSet<Instant> out) {
        Instant allowed = Instant.ofEpochMilli(quiet.nextAllowed(t.toEpochMilli(), zone));
        if (!allowed.isAfter(latest)) {
            out.add(allowed);
        }
    }

    private static double[] posterior(int[] own, SegmentPrior prior) {
        double total = prior.strength();
        for (int c : own) {
            total += c;
        }
        double[] p = new double[HOURS];
        for (int h = 0; h < HOURS; h++) {
            p[h] = (own[h] + prior.pseudoCount(h)) / total;
        }
        return p;
    }

    private static String evidence(int[] own, SegmentPrior prior, int likeliest) {
        int total = 0;
        int top = 0;
        for (int h = 0; h < HOURS; h++) {
            total += own[h];
            if (own[h] > own[top]) {
                top = h;
            }
        }
        if (total == 0 && prior.pooledTotal() == 0) {
            return "no opens or clicks yet, of the customer or the segment, so every hour is alike";
        }
        if (total == 0) {
            return "no opens or clicks yet, so following the segment, which engages most at " + clock(prior.topHour());
        }
        String habit = "engages mostly at " + clock(top) + " (" + own[top] + " of " + total
                + " opens and clicks, prior worth " + Math.round(prior.strength()) + ")";
        return likeliest == top ? habit : habit + ", but with the segment's habit " + clock(likeliest)
                + " is likelier";
    }

    private static String sending(Instant at, int hour, Instant earliest, ZoneId zone) {
        String local = at.atZone(zone).toLocalTime().truncatedTo(ChronoUnit.MINUTES).toString();
        long minutes = Duration.between(earliest, at).toMinutes();
        if (minutes == 0) {
            return "sending now at " + local + " local";
        }
        String delay = minutes % 60 == 0 ? minutes / 60 + " h" : minutes / 60 + " h " + minutes % 60 + " min";
        return "sending at " + local + " local, " + delay + " after it was due";
    }

    private static int top(double[] p) {
        int best = 0;
        for (int h = 1; h < HOURS; h++) {
            if (p[h] > p[best]) {
                best = h;
            }
        }
        return best;
    }

    private static int hourOf(Instant t, ZoneId zone) {
        return t.atZone(zone).getHour();
    }

    private static String clock(int hour) {
        return (hour < 10 ? "0" : "") + hour + ":00";
    }
}
