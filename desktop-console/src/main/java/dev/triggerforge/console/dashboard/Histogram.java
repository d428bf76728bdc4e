package dev.triggerforge.console.dashboard;

import java.util.Arrays;

/**
 * A Prometheus histogram's cumulative bucket counts by upper bound, so percentiles over any stretch of time can be
 * read from the difference of two scrapes.
 */
record Histogram(double[] bounds, double[] cumulative) {

    static final Histogram EMPTY = new Histogram(new double[0], new double[0]);

    double count() {
        return cumulative.length == 0 ? 0 : cumulative[cumulative.length - 1];
    }

    /** What was observed after {@code earlier} (same buckets); this histogram itself if the buckets differ. */
    Histogram since(Histogram earlier) {
        if (!Arrays.equals(bounds, earlier.bounds)) {
            return this;
        }
        double[] counts = new double[cumulative.length];
        for (int i = 0; i < counts.length; i++) {
            counts[i] = Math.max(0, cumulative[i] - earlier.cumulative[i]);
        }
        return new Histogram(bounds, counts);
    }

    /**
     * The {@code q} quantile, interpolated linearly inside its bucket as Prometheus' {@code histogram_quantile}
     * does; NaN without observations, the highest finite bound when it falls in the {@code +Inf} bucket.
     */
    double quantile(double q) {
        double total = count();
        if (total <= 0) {
            return Double.NaN;
        }
        double target = q * total;
        for (int i = 0; i < bounds.length; i++) {
            if (cumulative[i] >= target) {
                double lower = i == 0 ? 0 : bounds[i - 1];
                if (Double.isInfinite(bounds[i])) {
                    return lower;
                }
                double below = i == 0 ? 0 : cumulative[i - 1];
                double inBucket = cumulative[i] - below;
                return inBucket <= 0 ? bounds[i] : lower + (bounds[i] - lower) * (target - below) / inBucket;
            }
        }
        return bounds[bounds.length - 1];
    }
}
