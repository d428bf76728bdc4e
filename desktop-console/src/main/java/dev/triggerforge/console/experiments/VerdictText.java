package dev.triggerforge.console.experiments;

import dev.triggerforge.model.experiment.ExperimentSettings;
import dev.triggerforge.model.experiment.Metric;
import dev.triggerforge.model.report.Comparison;
import dev.triggerforge.model.report.ExperimentResult;
import dev.triggerforge.model.report.Rate;
import dev.triggerforge.model.report.Recommendation;
import dev.triggerforge.model.report.VariantResult;

import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;

/**
 * The server's recommendation said in one line a marketer acts on: who wins and by how much, that it is too early
 * and about how many more sends it takes, or that the variants do the same.
 */
public final class VerdictText {

    private VerdictText() {
    }

    /** One line for {@code result}, judged with {@code settings} (the experiment's own). */
    public static String of(ExperimentResult result, ExperimentSettings settings) {
        Recommendation r = result.recommendation();
        if (r == null || result.variants().isEmpty()) {
            return "not yet: no sends so far";
        }
        String metric = result.primaryMetric().wireName() + " rate";
        return switch (r.verdict()) {
            case WINNER -> comparison(result, r.variant())
                    .map(c -> r.variant() + " wins: " + points(c.difference()) + " (" + percent(settings.confidence())
                            + " CI " + signed(c.differenceLow()) + " to " + signed(c.differenceHigh()) + ") on "
                            + metric + " over " + c.against())
                    .orElse(r.variant() + " wins");
            case KEEP_CONTROL -> "keep " + r.variant() + ": every other variant does worse on " + metric;
            case NO_DIFFERENCE -> "no difference: every variant is within ±"
                    + String.format(Locale.ROOT, "%.1f", settings.equivalenceMargin() * 100) + " points of "
                    + control(result) + " on " + metric;
            case NOT_YET -> notYet(result, settings);
        };
    }

    private static String notYet(ExperimentResult result, ExperimentSettings settings) {
        long missing = result.variants().stream().mapToLong(v -> Math.max(0, settings.minimumSample() - v.sends()))
                .sum();
        if (missing > 0) {
            return "not yet: need about " + about(missing) + " more sends (each variant needs "
                    + String.format(Locale.ROOT, "%,d", settings.minimumSample()) + ")";
        }
        Optional<VariantResult> leader = result.variants().stream().filter(v -> v.vsControl() != null)
                .max(Comparator.comparingDouble(v -> Math.abs(v.vsControl().difference())));
        Optional<Rate> base = result.variants().stream().filter(v -> v.vsControl() == null).findFirst()
                .map(v -> rate(v, result.primaryMetric()));
        if (leader.isEmpty() || base.isEmpty() || leader.get().vsControl().difference() == 0) {
            return "not yet: no variant leads so far";
        }
        Comparison c = leader.get().vsControl();
        double p0 = base.get().value();
        double p1 = p0 + c.difference();
        if (p0 <= 0 || p0 >= 1 || p1 <= 0 || p1 >= 1) {
            return "not yet: " + leader.get().variant() + " is at " + points(c.difference()) + ", not clear yet";
        }
        long perVariant = SampleSize.perVariant(p0, p1, 1 - settings.confidence(), 0.8);
        long more = result.variants().stream().mapToLong(v -> Math.max(0, perVariant - v.sends())).sum();
        return more > 0
                ? "not yet: " + leader.get().variant() + " is at " + points(c.difference()) + "; need about "
                + about(more) + " more sends to be sure"
                : "not yet: " + leader.get().variant() + " is at " + points(c.difference())
                + ", not clear yet: keep it running";
    }

    /** The rate the verdict is decided on, or null when the arm has none (a holdout's click rate). */
    static Rate rate(VariantResult v, Metric metric) {
        return switch (metric) {
            case OPEN -> v.openRate();
            case CLICK -> v.clickRate();
            case CONVERSION -> v.conversionRate();
        };
    }

    private static Optional<Comparison> comparison(ExperimentResult result, String variant) {
        return result.variants().stream().filter(v -> v.variant().equals(variant) && v.vsControl() != null)
                .map(VariantResult::vsControl).findFirst();
    }

    private static String control(ExperimentResult result) {
        return result.variants().stream().filter(v -> v.vsControl() != null).map(v -> v.vsControl().against())
                .findFirst().orElse(result.variants().get(0).variant());
    }

    /** An absolute difference of rates in percentage points, signed: {@code +1.2 points}. */
    static String points(double difference) {
        return signed(difference) + " points";
    }

    private static String signed(double difference) {
        String text = String.format(Locale.ROOT, "%+.1f", difference * 100);
        return text.equals("+0.0") || text.equals("-0.0") ? "0.0" : text;
    }

    private static String percent(double share) {
        return String.format(Locale.ROOT, "%.0f%%", share * 100);
    }

    /** A count rounded to two significant digits, with thousands separators. */
    static String about(long count) {
        if (count < 100) {
            return Long.toString(count);
        }
        double scale = Math.pow(10, Math.floor(Math.log10(count)) - 1);
        return String.format(Locale.ROOT, "%,d", (long) (Math.ceil(count / scale) * scale));
    }
}
