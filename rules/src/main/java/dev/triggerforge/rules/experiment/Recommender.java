package dev.triggerforge.rules.experiment;

import dev.triggerforge.model.experiment.ExperimentSettings;
import dev.triggerforge.model.experiment.Metric;
import dev.triggerforge.model.report.Comparison;
import dev.triggerforge.model.report.Recommendation;
import dev.triggerforge.model.report.VariantResult;
import dev.triggerforge.model.report.Verdict;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Turns an experiment's arms into one verdict, checked in this order on the primary metric:
 * <ol>
 * <li>{@code not_yet} while any arm has fewer than the minimum sample of exposures;</li>
 * <li>{@code winner}: the sending challenger with the best rate, when it is significantly better than the control
 * (the control itself can never be the winner; a better-looking but not yet significant arm holds the verdict back
 * rather than a worse significant one winning);</li>
 * <li>{@code keep_control}: the control is significantly better than every challenger, whether the control is a
 * sending variant or a holdout (then sending does harm);</li>
 * <li>{@code no_difference}: every challenger's difference interval lies within +-equivalence margin;</li>
 * <li>otherwise {@code not_yet}, naming the leader and its probability to beat the control.</li>
 * </ol>
 * "Significantly" is the always-valid test at 1 - confidence split across the challengers, so the verdict may be read
 * every day.
 */
final class Recommender {

    private Recommender() {
    }

    static Recommendation recommend(List<VariantResult> arms, int control, ExperimentSettings settings,
                                    double alpha) {
        Metric metric = settings.primaryMetric();
        VariantResult base = arms.get(control);
        List<VariantResult> challengers = arms.stream().filter(a -> a != base).toList();
        if (challengers.isEmpty()) {
            return new Recommendation(Verdict.NOT_YET, null,
                    "The experiment has only one arm ('" + base.variant() + "'), so there is nothing to compare.");
        }
        VariantResult smallest = arms.stream().min(Comparator.comparingLong(VariantResult::sends)).orElseThrow();
        if (smallest.sends() < settings.minimumSample()) {
            return new Recommendation(Verdict.NOT_YET, null, String.format(Locale.ROOT,
                    "Arm '%s' has %,d of the %,d exposures every arm needs before a verdict (%s).",
                    smallest.variant(), smallest.sends(), settings.minimumSample(), arms.stream()
                            .map(a -> String.format(Locale.ROOT, "%s: %,d", a.variant(), a.sends()))
                            .collect(Collectors.joining(", "))));
        }
        Comparator<VariantResult> byRate = Comparator.comparingDouble(a -> rate(a, metric));
        VariantResult best = challengers.stream().filter(a -> !a.holdout()).max(byRate).orElse(null);
        if (best != null && best.vsControl().significant() && best.vsControl().difference() > 0) {
            return new Recommendation(Verdict.WINNER, best.variant(), String.format(Locale.ROOT,
                    "Variant '%s' %s: significantly better, %s.", best.variant(), against(best, base, metric),
                    evidence(best.vsControl())));
        }
        if (challengers.stream().allMatch(a -> a.vsControl().significant() && a.vsControl().difference() < 0)) {
            VariantResult nearest = challengers.stream().max(byRate).orElseThrow();
            return new Recommendation(Verdict.KEEP_CONTROL, base.variant(), String.format(Locale.ROOT,
                    "%s has a %s of %s, significantly better than every other arm; the closest, '%s', has %s "
                            + "(always-valid p = %s).", capitalized(control(base)), label(metric),
                    percent(rate(base, metric)), nearest.variant(), percent(rate(nearest, metric)),
                    pValue(nearest.vsControl().alwaysValidPValue())));
        }
        double margin = settings.equivalenceMargin();
        if (challengers.stream().allMatch(a -> a.vsControl().differenceLow() >= -margin
                && a.vsControl().differenceHigh() <= margin)) {
            double widest = challengers.stream().mapToDouble(a -> Math.max(-a.vsControl().differenceLow(),
                    a.vsControl().differenceHigh())).max().orElseThrow();
            return new Recommendation(Verdict.NO_DIFFERENCE, null, String.format(Locale.ROOT,
                    "Every arm's %s is within %s of the %s of %s, %s: the widest difference interval reaches %s.",
                    label(metric), points(margin), label(metric), control(base), percent(rate(base, metric)),
                    points(widest)));
        }
        VariantResult leader = challengers.stream().max(byRate).orElseThrow();
        if (rate(leader, metric) > rate(base, metric)) {
            return new Recommendation(Verdict.NOT_YET, leader.variant(), String.format(Locale.ROOT,
                    "Variant '%s' leads and %s, %s, but that is not yet below the %s it needs.", leader.variant(),
                    against(leader, base, metric), evidence(leader.vsControl()), pValue(alpha)));
        }
        return new Recommendation(Verdict.NOT_YET, base.variant(), String.format(Locale.ROOT,
                "%s leads with a %s of %s; the best other arm, '%s', has %s and a %s probability to beat it "
                        + "(always-valid p = %s, not significant at %s).", capitalized(control(base)),
                label(metric), percent(rate(base, metric)), leader.variant(), percent(rate(leader, metric)),
                probability(leader.vsControl().probabilityToBeat()), pValue(leader.vsControl().alwaysValidPValue()),
                pValue(alpha)));
    }

    /** The arm's successes on {@code metric} per exposure; a holdout has no opens or clicks, so 0 there. */
    static double rate(VariantResult arm, Metric metric) {
        if (arm.sends() == 0) {
            return 0;
        }
        long successes = switch (metric) {
            case OPEN -> arm.opens();
            case CLICK -> arm.clicks();
            case CONVERSION -> arm.conversions();
        };
        return (double) successes / arm.sends();
    }

    private static String against(VariantResult arm, VariantResult base, Metric metric) {
        return String.format(Locale.ROOT, "has a %s of %s against %s for %s (lift %+.1f%%)", label(metric),
                percent(rate(arm, metric)), percent(rate(base, metric)), control(base),
                100 * arm.vsControl().lift());
    }

    private static String evidence(Comparison c) {
        return String.format(Locale.ROOT, "with a %s probability to beat it and always-valid p = %s",
                probability(c.probabilityToBeat()), pValue(c.alwaysValidPValue()));
    }

    private static String control(VariantResult base) {
        return (base.holdout() ? "holdout '" : "control '") + base.variant() + "'";
    }

    private static String capitalized(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    private static String label(Metric metric) {
        return metric.wireName() + " rate";
    }

    private static String percent(double rate) {
        return String.format(Locale.ROOT, "%.2f%%", 100 * rate);
    }

    private static String points(double difference) {
        return String.format(Locale.ROOT, "%.2f percentage points", 100 * difference);
    }

    /** A probability in %, never rounded to a certainty it is not. */
    private static String probability(double p) {
        if (p > 0.999) {
            return "> 99.9%";
        }
        return p < 0.001 ? "< 0.1%" : String.format(Locale.ROOT, "%.1f%%", 100 * p);
    }

    private static String pValue(double p) {
        return p < 0.0001 ? "< 0.0001" : String.format(Locale.ROOT, "%.4f", p);
    }
}
