package dev.triggerforge.console.dashboard;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The samples of one scrape of the server's {@code /q/metrics} (Prometheus text format), so the dashboard can add up
 * counters and read histograms without a metrics library of its own.
 */
final class PrometheusText {

    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    /** One line: a metric name, its labels and its value. */
    record Sample(String name, Map<String, String> labels, double value) {
    }

    private final List<Sample> samples;

    private PrometheusText(List<Sample> samples) {
        this.samples = List.copyOf(samples);
    }

    static PrometheusText parse(String text) {
        List<Sample> samples = new ArrayList<>();
        for (String raw : text.split("\n")) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int brace = line.indexOf('{');
            int space = brace >= 0 ? line.indexOf(' ', line.lastIndexOf('}')) : line.indexOf(' ');
            if (space < 0) {
                continue;
            }
            String name = brace >= 0 ? line.substring(0, brace) : line.substring(0, space);
            Map<String, String> labels = new LinkedHashMap<>();
            if (brace >= 0) {
                Matcher m = LABEL.matcher(line.substring(brace, line.lastIndexOf('}')));
                while (m.find()) {
                    labels.put(m.group(1), m.group(2));
                }
            }
            String[] rest = line.substring(space).strip().split("\\s+");
            samples.add(new Sample(name, labels, value(rest[0])));
        }
        return new PrometheusText(samples);
    }

    private static double value(String text) {
        return switch (text) {
            case "+Inf" -> Double.POSITIVE_INFINITY;
            case "-Inf" -> Double.NEGATIVE_INFINITY;
            case "NaN" -> Double.NaN;
            default -> Double.parseDouble(text);
        };
    }

    /** The sum of every sample of {@code name} whose labels include {@code match} (0 when there is none). */
    double sum(String name, Map<String, String> match) {
        return samples.stream().filter(s -> s.name().equals(name)
                        && s.labels().entrySet().containsAll(match.entrySet()))
                .mapToDouble(Sample::value).filter(v -> !Double.isNaN(v)).sum();
    }

    double sum(String name) {
        return sum(name, Map.of());
    }

    /** The histogram {@code base} ({@code base_bucket} samples), added up over all its other labels. */
    Histogram histogram(String base) {
        Map<Double, Double> byBound = new TreeMap<>();
        samples.stream().filter(s -> s.name().equals(base + "_bucket") && s.labels().containsKey("le"))
                .forEach(s -> byBound.merge(value(s.labels().get("le")), s.value(), Double::sum));
        double[] bounds = new double[byBound.size()];
        double[] counts = new double[byBound.size()];
        int i = 0;
        for (Map.Entry<Double, Double> e : byBound.entrySet()) {
            bounds[i] = e.getKey();
            counts[i++] = e.getValue();
        }
        return new Histogram(bounds, counts);
    }
}
