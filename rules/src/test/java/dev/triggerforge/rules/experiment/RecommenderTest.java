package dev.triggerforge.rules.experiment;

import dev.triggerforge.model.experiment.ExperimentSettings;
import dev.triggerforge.model.experiment.Metric;
import dev.triggerforge.model.report.Recommendation;
import dev.triggerforge.model.report.VariantResult;
import dev.triggerforge.model.report.Verdict;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One verdict at a time, on arms with exact conversion counts; the control is the holdout when there is one, else
 * the first arm, as in the analyzer.
 */
class RecommenderTest {

    private static final ExperimentSettings SETTINGS = ExperimentSettings.DEFAULTS;

    /** An arm: its id, whether it is a holdout, exposures and conversions. */
    private record Arm(String id, boolean holdout, long sends, long conversions) {
    }

    private static Arm arm(String id, long sends, long conversions) {
        return new Arm(id, false, sends, conversions);
    }

    private static Arm holdout(String id, long sends, long conversions) {
        return new Arm(id, true, sends, conversions);
    }

    private static Recommendation recommend(Arm... arms) {
        int control = 0;
        for (int i = arms.length - 1; i >= 0; i--) {
            control = arms[i].holdout() ? i : control;
        }
        Comparisons comparisons = new Comparisons(SETTINGS.confidence(), Math.max(1, arms.length - 1),
                SETTINGS.minimumSample());
        List<VariantResult> results = new ArrayList<>();
        for (int i = 0; i < arms.length; i++) {
            Arm a = arms[i];
            Arm c = arms[control];
            results.add(new VariantResult(a.id(), a.holdout(), a.sends(), a.sends(), 0, 0, 0, 0, a.conversions(), 0,
                    null, null, null, null, null, null, null, null, null, i == control ? null
                    : comparisons.of(c.id(), Metric.CONVERSION, a.conversions(), a.sends(), c.conversions(),
                    c.sends())));
        }
        return Recommender.recommend(results, control, SETTINGS, comparisons.alpha());
    }

    @Test
    void notYetWhileAnArmLacksTheMinimumSample() {
        Recommendation r = recommend(arm("a", 1_200, 30), arm("b", 999, 200));

        assertThat(r.verdict()).isEqualTo(Verdict.NOT_YET);
        assertThat(r.variant()).isNull();
        assertThat(r.reason()).isEqualTo(
                "Arm 'b' has 999 of the 1,000 exposures every arm needs before a verdict (a: 1,200, b: 999).");
    }

    @Test
    void winnerIsTheChallengerSignificantlyBetterThanTheControl() {
        // 350/5000 = 7 % against 250/5000 = 5 %: z = 4.21, always-valid p = 0.0012 < 0.05
        Recommendation r = recommend(arm("a", 5_000, 250), arm("b", 5_000, 350));

        assertThat(r.verdict()).isEqualTo(Verdict.WINNER);
        assertThat(r.variant()).isEqualTo("b");
        assertThat(r.reason()).isEqualTo("Variant 'b' has a conversion rate of 7.00% against 5.00% for control 'a' "
                + "(lift +40.0%): significantly better, with a > 99.9% probability to beat it and always-valid "
                + "p = 0.0012.");
    }

    @Test
    void againstAHoldoutTheBestSendingArmWins() {
        // 300 and 350 of 5000 against the holdout's 250: both better, b the best; two challengers, so alpha 0.025
        Recommendation r = recommend(arm("a", 5_000, 300), arm("b", 5_000, 350), holdout("h", 5_000, 250));

        assertThat(r.verdict()).isEqualTo(Verdict.WINNER);
        assertThat(r.variant()).isEqualTo("b");
        assertThat(r.reason()).contains("holdout 'h'");
    }

    @Test
    void keepControlWhenTheControlBeatsEveryOtherArm() {
        Recommendation r = recommend(arm("a", 5_000, 350), arm("b", 5_000, 250));

        assertThat(r.verdict()).as("the control is never the winner").isEqualTo(Verdict.KEEP_CONTROL);
        assertThat(r.variant()).isEqualTo("a");
        assertThat(r.reason()).isEqualTo("Control 'a' has a conversion rate of 7.00%, significantly better than "
                + "every other arm; the closest, 'b', has 5.00% (always-valid p = 0.0012).");
    }

    @Test
    void keepTheHoldoutWhenSendingDoesHarm() {
        Recommendation r = recommend(arm("a", 5_000, 250), arm("b", 5_000, 240), holdout("h", 5_000, 350));

        assertThat(r.verdict()).isEqualTo(Verdict.KEEP_CONTROL);
        assertThat(r.variant()).isEqualTo("h");
        assertThat(r.reason()).startsWith("Holdout 'h' has a conversion rate of 7.00%");
    }

    @Test
    void noDifferenceWhenEveryIntervalIsInsideTheMargin() {
        // 5.1 % against 5.0 % over 50,000 each: the difference interval is about [-0.17, +0.37] points, inside +-0.5
        Recommendation r = recommend(arm("a", 50_000, 2_500), arm("b", 50_000, 2_550));

        assertThat(r.verdict()).isEqualTo(Verdict.NO_DIFFERENCE);
        assertThat(r.variant()).isNull();
        assertThat(r.reason()).startsWith("Every arm's conversion rate is within 0.50 percentage points of the "
                + "conversion rate of control 'a', 5.00%: the widest difference interval reaches 0.3");
    }

    @Test
    void notYetWithTheLeaderAndItsProbabilityToBeat() {
        // 280 against 250 of 5000: z = 1.34, neither significant nor inside the margin (interval about -0.3 to +1.5)
        Recommendation r = recommend(arm("a", 5_000, 250), arm("b", 5_000, 280));

        assertThat(r.verdict()).isEqualTo(Verdict.NOT_YET);
        assertThat(r.variant()).isEqualTo("b");
        assertThat(r.reason()).startsWith("Variant 'b' leads and has a conversion rate of 5.60% against 5.00% for "
                + "control 'a' (lift +12.0%), with a 91.0% probability to beat it and always-valid p = 1.0000, ")
                .endsWith("but that is not yet below the 0.0500 it needs.");
    }

    @Test
    void notYetWhenTheControlLeadsWithoutBeatingEveryArm() {
        // b is significantly worse than a, c is not: keeping the control is not yet justified against c
        Recommendation r = recommend(arm("a", 5_000, 350), arm("b", 5_000, 250), arm("c", 5_000, 330));

        assertThat(r.verdict()).isEqualTo(Verdict.NOT_YET);
        assertThat(r.variant()).isEqualTo("a");
        assertThat(r.reason()).isEqualTo("Control 'a' leads with a conversion rate of 7.00%; the best other arm, "
                + "'c', has 6.60% and a 21.4% probability to beat it (always-valid p = 1.0000, not significant at "
                + "0.0250).");
    }

    @Test
    void aSingleArmHasNothingToCompare() {
        assertThat(recommend(arm("a", 5_000, 250)).verdict()).isEqualTo(Verdict.NOT_YET);
    }
}
