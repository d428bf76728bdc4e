package dev.triggerforge.rules.experiment;

import dev.triggerforge.model.experiment.Metric;
import dev.triggerforge.model.report.Comparison;
import dev.triggerforge.model.report.Rate;
import org.apache.commons.math3.stat.inference.ChiSquareTest;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** Wilson intervals, the two-proportion test and the comparison built on them, against values worked out by hand. */
class ProportionsTest {

    private static Comparison compare(long s1, long n1, long s0, long n0) {
        return new Comparisons(0.95, 1, 1000).of("control", Metric.CONVERSION, s1, n1, s0, n0);
    }

    @Test
    void wilsonIntervalOfTenInAHundred() {
        // z = 1.959964, z^2 = 3.841459, n = 100, p = 0.1:
        // denominator = 1 + z^2/n = 1.0384146
        // centre = (0.1 + z^2/2n) / denominator = 0.1192073 / 1.0384146 = 0.1147974
        // half = z * sqrt(p(1-p)/n + z^2/4n^2) / denominator = 1.959964 * 0.0315600 / 1.0384146 = 0.0595683
        // interval = [0.0552, 0.1744]
        Rate r = Proportions.wilson(10, 100, 0.95);

        assertThat(r.value()).isEqualTo(0.1);
        assertThat(r.low()).isCloseTo(0.0552, within(0.0005));
        assertThat(r.high()).isCloseTo(0.1744, within(0.0005));
        assertThat(r.successes()).isEqualTo(10);
        assertThat(r.trials()).isEqualTo(100);
        assertThat(r.confidence()).isEqualTo(0.95);
    }

    @Test
    void wilsonIntervalOfNoSuccessesStartsAtZero() {
        // with p = 0 the interval is [0, z^2 / (n + z^2)] = [0, 3.841459 / 13.841459] = [0, 0.27753]
        Rate r = Proportions.wilson(0, 10, 0.95);

        assertThat(r.value()).isZero();
        assertThat(r.low()).isZero();
        assertThat(r.high()).isCloseTo(0.27753, within(0.00005));
    }

    @Test
    void wilsonIntervalOfAllSuccessesEndsAtOne() {
        // mirror image of the case above: [1 - 0.27753, 1]
        Rate r = Proportions.wilson(10, 10, 0.95);

        assertThat(r.low()).isCloseTo(0.72247, within(0.00005));
        assertThat(r.high()).isEqualTo(1.0);
    }

    @Test
    void wilsonIntervalOfHalfIsSymmetric() {
        // p = 0.5 keeps the centre at 0.5; half = 1.959964 * sqrt(0.0025 + 0.0000960) / 1.0384146 = 0.096169
        Rate r = Proportions.wilson(50, 100, 0.95);

        assertThat(r.low() + r.high()).isCloseTo(1.0, within(1e-12));
        assertThat(r.low()).isCloseTo(0.40383, within(0.00005));
        assertThat(r.high()).isCloseTo(0.59617, within(0.00005));
    }

    @Test
    void moreConfidenceWidensTheInterval() {
        Rate at95 = Proportions.wilson(30, 200, 0.95);
        Rate at99 = Proportions.wilson(30, 200, 0.99);

        assertThat(at99.low()).isLessThan(at95.low());
        assertThat(at99.high()).isGreaterThan(at95.high());
    }

    @Test
    void noTrialsGivesTheWholeUnitInterval() {
        assertThat(Proportions.wilson(0, 0, 0.9)).isEqualTo(new Rate(0, 0, 0, 0, 1, 0.9));
    }

    @Test
    void impossibleCountsAndLevelsAreRejected() {
        assertThatThrownBy(() -> Proportions.wilson(11, 10, 0.95)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Proportions.wilson(-1, 10, 0.95)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Proportions.wilson(1, 10, 1.0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Comparisons(1.0, 1, 1000)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void twoProportionZTestOfTwelveAgainstTenPercent() {
        // 120/1000 vs 100/1000: pooled p = 220/2000 = 0.11,
        // SE = sqrt(0.11 * 0.89 * (1/1000 + 1/1000)) = sqrt(0.0001958) = 0.0139929,
        // z = (0.12 - 0.10) / 0.0139929 = 1.42930, two-sided p = 2 * (1 - Phi(1.42930)) = 0.15292
        assertThat(Proportions.zScore(120, 1000, 100, 1000)).isCloseTo(1.42930, within(0.00005));

        Comparison c = compare(120, 1000, 100, 1000);

        assertThat(c.against()).isEqualTo("control");
        assertThat(c.metric()).isEqualTo(Metric.CONVERSION);
        assertThat(c.difference()).isCloseTo(0.02, within(1e-12));
        assertThat(c.lift()).isCloseTo(0.2, within(1e-12));
        assertThat(c.pValue()).isCloseTo(0.15292, within(0.00005));
        assertThat(c.significant()).isFalse();
    }

    @Test
    void theZTestIsTheChiSquareTestWithoutContinuityCorrection() {
        long[][] tables = {{120, 1000, 100, 1000}, {37, 412, 21, 398}, {5, 60, 14, 75}, {900, 1000, 880, 1000}};
        for (long[] t : tables) {
            double z = Proportions.zScore(t[0], t[1], t[2], t[3]);
            double chiSquare = new ChiSquareTest().chiSquare(new long[][]{{t[0], t[1] - t[0]}, {t[2], t[3] - t[2]}});

            assertThat(z * z).as("z^2 for %s", Arrays.toString(t)).isCloseTo(chiSquare, within(1e-9));
            assertThat(Proportions.twoProportionPValue(t[0], t[1], t[2], t[3]))
                    .isCloseTo(Proportions.chiSquarePValue(t[0], t[1], t[2], t[3]), within(1e-9));
        }
    }

    @Test
    void aLargeClearDifferenceIsSignificant() {
        Comparison c = compare(200, 1000, 100, 1000);

        assertThat(c.significant()).isTrue();
        assertThat(c.pValue()).isLessThan(1e-8);
        assertThat(c.lift()).isCloseTo(1.0, within(1e-12));
    }

    @Test
    void anEmptyArmIsNeverSignificant() {
        Comparison c = compare(50, 100, 0, 0);

        assertThat(c.pValue()).isEqualTo(1.0);
        assertThat(c.alwaysValidPValue()).isEqualTo(1.0);
        assertThat(c.significant()).isFalse();
        assertThat(Proportions.chiSquarePValue(50, 100, 0, 0)).isEqualTo(1.0);
    }

    @Test
    void liftIsZeroWhenTheControlNeverConverts() {
        Comparison c = compare(10, 100, 0, 100);

        assertThat(c.lift()).isZero();
        assertThat(c.difference()).isCloseTo(0.1, within(1e-12));
        assertThat(c.pValue()).isLessThan(0.05);
    }

    @Test
    void identicalArmsWithNoConversionsHaveNothingToTest() {
        Comparison c = compare(0, 100, 0, 100);

        assertThat(c.pValue()).isEqualTo(1.0);
        assertThat(c.significant()).isFalse();
        assertThat(Proportions.chiSquarePValue(0, 100, 0, 100)).isEqualTo(1.0);
    }

    @Test
    void newcombeIntervalsMatchNewcombes1998WorkedExamples() {
        // Newcombe, "Interval estimation for the difference between independent proportions", Statistics in Medicine
        // 17 (1998) 873-890, Table II, method 10 (score interval, hybrid): 56/70 - 48/80 gives +0.0524 to +0.3339,
        // 9/10 - 3/10 gives +0.1705 to +0.8090, 6/7 - 2/7 gives +0.0582 to +0.8062, 5/56 - 0/29 gives -0.0381 to
        // +0.1926
        double[][] published = {{56, 70, 48, 80, 0.0524, 0.3339}, {9, 10, 3, 10, 0.1705, 0.8090},
                {6, 7, 2, 7, 0.0582, 0.8062}, {5, 56, 0, 29, -0.0381, 0.1926}};
        for (double[] row : published) {
            Interval i = Proportions.newcombe((long) row[0], (long) row[1], (long) row[2], (long) row[3], 0.95);

            assertThat(i.low()).as("low of %s", Arrays.toString(row)).isCloseTo(row[4], within(0.00005));
            assertThat(i.high()).as("high of %s", Arrays.toString(row)).isCloseTo(row[5], within(0.00005));
        }
    }

    @Test
    void theComparisonCarriesTheNewcombeInterval() {
        Comparison c = compare(56, 70, 48, 80);

        assertThat(c.difference()).isCloseTo(0.2, within(1e-12));
        assertThat(c.differenceLow()).isCloseTo(0.0524, within(0.00005));
        assertThat(c.differenceHigh()).isCloseTo(0.3339, within(0.00005));
        assertThat(c.probabilityToBeat()).isEqualTo(ProbabilityToBeat.of(56, 70, 48, 80));
    }
}
