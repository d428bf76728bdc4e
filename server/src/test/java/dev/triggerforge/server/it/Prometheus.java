package dev.triggerforge.server.it;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A scrape of the server's Prometheus text format, enough to read counters and to turn the difference of two scrapes
 * of a histogram into quantiles of what was recorded between them.
 */
public final class Prometheus {

    /** One sample: metric name, its labels, its value. */
    public record Sample(String name, Map<String, String> labels, double value) {
    }

    private final List<Sample> samples;

    private Prometheus(List<Sample> samples) {
        this.samples = samples;
    }

    public static Prometheus parse(String text) {
        List<Sample> out = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int brace = line.indexOf('{');
            int space = line.lastIndexOf(' ');
            if (space < 0) {
                continue;
            }
            String name;
            Map<String, String> labels = new LinkedHashMap<>();
            if (brace >= 0 && brace < space) {
                name = line.substring(0, brace);
                int close = line.lastIndexOf('}');
                parseLabels(line.substring(brace + 1, close), labels);
            } else {
                name = line.substring(0, space).trim();
            }
            out.add(new Sample(name, labels, Double.parseDouble(line.substring(space + 1).trim())));
        }
        return new Prometheus(out);
    }

    /** The sum of every sample of {@code name}, 0 when there is none (the server registers meters lazily). */
    public double sum(String name) {
        return samples.stream().filter(s -> s.name.equals(name)).mapToDouble(Sample::value).sum();
    }

    /** The sum of the samples of {@code name} whose label {@code label} is {@code value}. */
    public double sum(String name, String label, String value) {
        return samples.stream().filter(s -> s.name.equals(name) && value.equals(s.labels.get(label)))
                .mapToDouble(Sample::value).sum();
    }

    /** A histogram's cumulative bucket counts by upper bound (seconds), {@code +Inf} last. */
    public Histogram histogram(String baseName) {
        TreeMap<Double, Double> buckets = new TreeMap<>();
        for (Sample s : samples) {
            if (s.name.equals(baseName + "_bucket")) {
                String le = s.labels.get("le");
                double bound = "+Inf".equals(le) ? Double.POSITIVE_INFINITY : Double.parseDouble(le);
                buckets.merge(bound, s.value, Double::sum);
            }
        }
        return new Histogram(buckets, sum(baseName + "_count"), sum(baseName + "_sum"));
    }

    /** Cumulative bucket counts (upper bound in seconds to count), with the total count and sum. */
    public record Histogram(TreeMap<Double, Double> buckets, double count, double sum) {

        public static final Histogram EMPTY = new Histogram(new TreeMap<>(), 0, 0);

        /** What was recorded after {@code before} and up to this one. */
        public Histogram minus(Histogram before) {
            TreeMap<Double, Double> d = new TreeMap<>();
            buckets.forEach((le, c) -> d.put(le, c - before.buckets.getOrDefault(le, 0.0)));
            return new Histogram(d, count - before.count, sum - before.sum);
        }

        /**
         * The q-quantile in seconds, interpolated linearly inside its bucket (as Prometheus' histogram_quantile
         * does); NaN when nothing was recorded. A quantile in the +Inf bucket answers the largest finite bound.
         */
        public double quantile(double q) {
            if (count <= 0 || buckets.isEmpty()) {
                return Double.NaN;
            }
            double rank = q * count;
            double lowerBound = 0;
            double lowerCount = 0;
            for (Map.Entry<Double, Double> b : buckets.entrySet()) {
                if (b.getValue() >= rank) {
                    if (b.getKey().isInfinite()) {
                        return lowerBound;
                    }
                    double inBucket = b.getValue() - lowerCount;
                    double fraction = inBucket <= 0 ? 1 : (rank - lowerCount) / inBucket;
                    return lowerBound + (b.getKey() - lowerBound) * fraction;
                }
                lowerBound = b.getKey().isInfinite() ? lowerBound : b.getKey();
                lowerCount = b.getValue();
            }
            return lowerBound;
        }

        public double mean() {
            return count <= 0 ? Double.NaN : sum / count;
        }

        public List<Double> bounds() {
            return Collections.unmodifiableList(new ArrayList<>(buckets.keySet()));
        }
    }

    private static void parseLabels(String text, Map<String, String> into) {
        int i = 0;
        while (i < text.length()) {
            int eq = text.indexOf('=', i);
            if (eq < 0) {
                return;
            }
            String key = text.substring(i, eq).trim();
            int open = text.indexOf('"', eq);
            StringBuilder value = new StringBuilder();
            int j = open + 1;
            while (j < text.length() && text.charAt(j) != '"') {
                if (text.charAt(j) == '\\' && j + 1 < text.length()) {
                    j++;
                }
                value.append(text.charAt(j));
                j++;
            }
            into.put(key, value.toString());
            i = j + 1;
            while (i < text.length() && (text.charAt(i) == ',' || text.charAt(i) == ' ')) {
                i++;
            }
        }
    }
}
