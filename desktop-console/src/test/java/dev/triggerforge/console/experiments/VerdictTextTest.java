package dev.triggerforge.console.experiments;

import dev.triggerforge.model.experiment.ExperimentSettings;
import dev.triggerforge.model.experiment.Metric;
import dev.triggerforge.model.report.Comparison;
import dev.triggerforge.model.report.ExperimentResult;
import dev.triggerforge.model.report.Rate;
import dev.triggerforge.model.report.Recommendation;
import dev.triggerforge.model.report.VariantResult;
import dev.triggerforge.model.report.Verdict;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The verdict line says who wins by how much, how many sends are still missing, or that nothing differs. */
class VerdictTextTest {

    private static final ExperimentSettings SETTINGS = ExperimentSettings.DEFAULTS;

    @Test
    void aWinnerIsNamedWithItsDifferenceAndInterval() {
        ExperimentResult result = result(new Recommendation(Verdict.WINNER, "b", "significantly better"),
                arm("a", 5000, 250, null), arm("b", 5000, 310, versus(0.012, 0.004, 0.020)));

        assertThat(VerdictText.of(result, SETTINGS))
                .isEqualTo("b wins: +1.2 points (95% CI +0.4 to +2.0) on conversion rate over a");
    }

    @Test
    void tooFewSendsSaysHowManyMoreEveryVariantNeeds() {
        ExperimentResult result = result(new Recommendation(Verdict.NOT_YET, null, "a has only 400 exposures"),
                arm("a", 400, 20, null), arm("b", 300, 18, versus(0.01, -0.02, 0.04)));

        assertThat(VerdictText.of(result, SETTINGS))
                .isEqualTo("not yet: need about 1,300 more sends (each variant needs 1,000)");
    }

    @Test
    void aLeaderThatIsNotClearYetGetsTheSendsItsDifferenceNeeds() {
        ExperimentResult result = result(new Recommendation(Verdict.NOT_YET, "b", "b leads"),
                arm("a", 2000, 100, null), arm("b", 2000, 120, versus(0.01, -0.004, 0.024)));

        // 8,158 per variant for 5 % against 6 % at 95 %/80 %: 2 × 6,158 more, rounded up to two digits
        assertThat(VerdictText.of(result, SETTINGS))
                .isEqualTo("not yet: b is at +1.0 points; need about 13,000 more sends to be sure");
    }

    @Test
    void equalArmsAreCalledNoDifference() {
        ExperimentResult result = result(new Recommendation(Verdict.NO_DIFFERENCE, null, "within the margin"),
                arm("a", 90000, 4500, null), arm("b", 90000, 4510, versus(0.0001, -0.002, 0.002)));

        assertThat(VerdictText.of(result, SETTINGS))
                .isEqualTo("no difference: every variant is within ±0.5 points of a on conversion rate");
    }

    @Test
    void sampleSizeFollowsTheTwoProportionFormula() {
        assertThat(SampleSize.perVariant(0.05, 0.06, 0.05, 0.8)).isEqualTo(8158);
        assertThat(SampleSize.forLift(0.05, 0.2)).isEqualTo(8158);
        assertThat(SampleSize.forLift(0.10, 0.1)).isGreaterThan(SampleSize.forLift(0.10, 0.2) * 3);
    }

    private static Comparison versus(double difference, double low, double high) {
        return new Comparison("a", Metric.CONVERSION, difference, low, high, difference / 0.05, 0.01, 0.01, 0.9,
                false);
    }

    private static VariantResult arm(String id, long sends, long conversions, Comparison vs) {
        double rate = (double) conversions / sends;
        return new VariantResult(id, false, sends, sends, sends, 0, 0, 0, conversions, 0, null, null, null, null,
                new Rate(conversions, sends, rate, rate * 0.9, rate * 1.1, 0.95), null, null, null, null, vs);
    }

    private static ExperimentResult result(Recommendation recommendation, VariantResult... arms) {
        return new ExperimentResult("exp", "rule", Duration.ofDays(7), Metric.CONVERSION, List.of(arms),
                recommendation);
    }
}
