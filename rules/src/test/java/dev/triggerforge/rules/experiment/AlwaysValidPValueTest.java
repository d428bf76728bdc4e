package dev.triggerforge.rules.experiment;

import dev.triggerforge.model.experiment.ExperimentSettings;
import dev.triggerforge.model.experiment.Metric;
import dev.triggerforge.model.report.Comparison;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The always-valid p-value by hand, and by simulation of experiments that are looked at every day: without an effect
 * it declares a winner at most as often as promised, where the fixed-horizon p-value read daily does not, and with a
 * real effect it still finds it.
 */
class AlwaysValidPValueTest {

    private static final int EXPERIMENTS = 400;
    private static final int DAILY_LOOKS = 30;
    private static final int PER_ARM_PER_DAY = 200;
    private static final double ALPHA = 0.05;
    /** Two Monte Carlo standard errors of a 5 % rate over 400 experiments: 2 sqrt(0.05 * 0.95 / 400) = 0.022. */
    private static final double SLACK = 0.022;

    /** How often experiments, looked at daily, were called significant at any look, by each p-value. */
    private record Peeking(double alwaysValid, double fixedHorizon) {
    }

    private static Peeking peek(double controlRate, double variantRate, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Comparisons comparisons = new Comparisons(1 - ALPHA, 1, ExperimentSettings.DEFAULTS.minimumSample());
        int alwaysValid = 0;
        int fixedHorizon = 0;
        for (int e = 0; e < EXPERIMENTS; e++) {
            long n = 0;
            long s1 = 0;
            long s0 = 0;
            boolean sequentialHit = false;
            boolean fixedHit = false;
            for (int day = 0; day < DAILY_LOOKS; day++) {
                n += PER_ARM_PER_DAY;
                s1 += successes(random, variantRate);
                s0 += successes(random, controlRate);
                Comparison c = comparisons.of("control", Metric.CONVERSION, s1, n, s0, n);
                sequentialHit |= c.significant();
                fixedHit |= c.pValue() < ALPHA;
            }
            alwaysValid += sequentialHit ? 1 : 0;
            fixedHorizon += fixedHit ? 1 : 0;
        }
        Peeking result = new Peeking((double) alwaysValid / EXPERIMENTS, (double) fixedHorizon / EXPERIMENTS);
        System.out.printf("%.0f%% vs %.0f%%, %d experiments x %d daily looks x %d per arm per day: %s%n",
                100 * controlRate, 100 * variantRate, EXPERIMENTS, DAILY_LOOKS, PER_ARM_PER_DAY, result);
        return result;
    }

    private static int successes(SplittableRandom random, double rate) {
        int k = 0;
        for (int i = 0; i < PER_ARM_PER_DAY; i++) {
            k += random.nextDouble() < rate ? 1 : 0;
        }
        return k;
    }

    @Test
    void byHandForTwentyAgainstTenPercent() {
        // 200/1000 vs 100/1000: z^2 = 0.1^2 / (0.15 * 0.85 * (2/1000)) = 39.215686; both arms at the minimum sample,
        // so rho = 10: log Lambda = 39.215686 * 10 / 22 - ln(11) / 2 = 17.825312 - 1.198948 = 16.626364,
        // p = exp(-16.626364) = 6.01536e-8
        AlwaysValidPValue test = new AlwaysValidPValue(1000);

        assertThat(test.of(200, 1000, 100, 1000)).isCloseTo(6.01536e-8, within(1e-12));
        assertThat(test.of(120, 1000, 100, 1000)).as("z = 1.43 is far from the boundary").isEqualTo(1.0);
        assertThat(test.of(5, 10, 0, 0)).as("an empty arm").isEqualTo(1.0);
    }

    @Test
    void isNeverBelowTheFixedHorizonPValue() {
        AlwaysValidPValue test = new AlwaysValidPValue(1000);
        long[][] cases = {{200, 1000, 100, 1000}, {60, 1000, 40, 1000}, {330, 5000, 250, 5000}, {10, 100, 0, 100}};
        for (long[] c : cases) {
            assertThat(test.of(c[0], c[1], c[2], c[3]))
                    .isGreaterThanOrEqualTo(Proportions.twoProportionPValue(c[0], c[1], c[2], c[3]));
        }
    }

    @Test
    void dailyLooksWithoutAnEffectRarelyDeclareAWinner() {
        Peeking aa = peek(0.05, 0.05, 20261123L);

        assertThat(aa.alwaysValid()).isLessThanOrEqualTo(ALPHA + SLACK);
        assertThat(aa.fixedHorizon()).as("the fixed-horizon test read daily is fooled far more often than 5 %%")
                .isGreaterThan(2 * ALPHA);
    }

    @Test
    void dailyLooksFindARealFiveToSevenPercentEffect() {
        Peeking effect = peek(0.05, 0.07, 42L);

        assertThat(effect.alwaysValid()).isGreaterThanOrEqualTo(0.8);
    }
}
