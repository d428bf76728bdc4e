package dev.triggerforge.rules.optimization.sendtime;

import dev.triggerforge.model.optimization.SendTimeSnapshot;

import java.util.function.Predicate;

/**
 * When a segment of customers (a locale, a region, everyone) reads email, as Dirichlet pseudo-counts over the 24 local
 * hours, so a customer with little history of their own leans on their segment.
 *
 * <p>The pseudo-count of hour {@code h} is {@code strength * (n_h + 1) / (N + 24)}, where {@code n_h} are the
 * segment's pooled opens and clicks in that hour and {@code N} their total: the pseudo-counts sum to
 * {@code strength}, which is how many of a customer's own engagements weigh as much as the whole segment, and every
 * hour keeps a little weight. With no segment data the prior is uniform.
 *
 * <p>{@link #exposureAdjusted} divides each hour's engagements by the emails delivered in it first, so a segment whose
 * emails mostly went out at one hour (because the model chose it) does not learn that hour from its own choice.
 */
public final class SegmentPrior {

    private static final int HOURS = SendTimeSnapshot.HOURS;

    private final double strength;
    private final long[] pooled;
    private final double[] pseudoCounts;

    private SegmentPrior(double strength, long[] pooled) {
        this(strength, pooled, null);
    }

    /** With {@code weights} null the shape is the smoothed engagement counts, else the given weights. */
    private SegmentPrior(double strength, long[] pooled, double[] weights) {
        if (!(strength > 0) || Double.isInfinite(strength)) {
            throw new IllegalArgumentException("strength must be a finite number above 0, got " + strength);
        }
        if (pooled.length != HOURS) {
            throw new IllegalArgumentException("pooled counts must have " + HOURS + " hours, got " + pooled.length);
        }
        long total = 0;
        for (long n : pooled) {
            if (n < 0) {
                throw new IllegalArgumentException("pooled counts must be at least 0, got " + n);
            }
            total += n;
        }
        this.strength = strength;
        this.pooled = pooled.clone();
        this.pseudoCounts = new double[HOURS];
        if (weights == null) {
            for (int h = 0; h < HOURS; h++) {
                pseudoCounts[h] = strength * (pooled[h] + 1) / (total + HOURS);
            }
        } else {
            double sum = 0;
            for (double w : weights) {
                sum += w;
            }
            for (int h = 0; h < HOURS; h++) {
                pseudoCounts[h] = strength * weights[h] / sum;
            }
        }
    }

    /**
     * A prior from a segment's engagements per delivered email, hour by hour: the shape is
     * {@code (e_h + 1) / (d_h + m)}, with {@code e_h} the opens and clicks and {@code d_h} the deliveries in local hour
     * {@code h}, and {@code m} the mean deliveries per hour (at least 1), which keeps hours with few deliveries from
     * dominating. Without deliveries it is the engagement shape of {@link #of}.
     */
    public static SegmentPrior exposureAdjusted(long[] engagementsByHour, long[] deliveriesByHour, double strength) {
        if (deliveriesByHour.length != HOURS) {
            throw new IllegalArgumentException("deliveries must have " + HOURS + " hours, got "
                    + deliveriesByHour.length);
        }
        long delivered = 0;
        for (long d : deliveriesByHour) {
            delivered += d;
        }
        double mean = Math.max(1, (double) delivered / HOURS);
        double[] weights = new double[HOURS];
        for (int h = 0; h < HOURS; h++) {
            weights[h] = (engagementsByHour[h] + 1) / (deliveriesByHour[h] + mean);
        }
        return new SegmentPrior(strength, engagementsByHour, weights);
    }

    /** A prior that knows nothing about the segment: every hour gets {@code strength / 24}. */
    public static SegmentPrior uniform(double strength) {
        return new SegmentPrior(strength, new long[HOURS]);
    }

    /** A prior from a segment's opens and clicks by local hour (24 counts). */
    public static SegmentPrior of(long[] engagementsByHour, double strength) {
        return new SegmentPrior(strength, engagementsByHour);
    }

    /** A prior pooled over the customers of {@code history} that {@code inSegment} accepts. */
    public static SegmentPrior pooled(EngagementHistogram history, Predicate<String> inSegment, double strength) {
        return new SegmentPrior(strength, history.pooledEngagements(inSegment));
    }

    /** The Dirichlet pseudo-count of local hour {@code hour}. */
    public double pseudoCount(int hour) {
        return pseudoCounts[hour];
    }

    /** The sum of the pseudo-counts. */
    public double strength() {
        return strength;
    }

    /** The segment's opens and clicks in local hour {@code hour}. */
    public long pooled(int hour) {
        return pooled[hour];
    }

    /** The segment's opens and clicks in all hours; 0 for a uniform prior. */
    public long pooledTotal() {
        long total = 0;
        for (long n : pooled) {
            total += n;
        }
        return total;
    }

    /** The hour with the most pseudo-weight, the earliest on ties. */
    public int topHour() {
        int best = 0;
        for (int h = 1; h < HOURS; h++) {
            if (pseudoCounts[h] > pseudoCounts[best]) {
                best = h;
            }
        }
        return best;
    }
}
