package dev.triggerforge.rules.experiment;

import org.apache.commons.math3.analysis.integration.IterativeLegendreGaussIntegrator;
import org.apache.commons.math3.distribution.BetaDistribution;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** The exact closed form against numerical integration, symmetry, and values known without either. */
class ProbabilityToBeatTest {

    /**
     * P(X1 > X0) = integral of f1(x) F0(x) dx, X the Beta(s + 1, n - s + 1) posteriors, integrated by Gauss-Legendre
     * over X1's bulk (its mean +- 40 standard deviations, within [0, 1]), which is where f1 has all its mass.
     */
    private static double integrated(long s1, long n1, long s0, long n0) {
        BetaDistribution one = new BetaDistribution(null, s1 + 1, n1 - s1 + 1, 1e-14);
        BetaDistribution zero = new BetaDistribution(null, s0 + 1, n0 - s0 + 1, 1e-14);
        double sd = Math.sqrt(one.getNumericalVariance());
        double from = Math.max(0, one.getNumericalMean() - 40 * sd);
        double to = Math.min(1, one.getNumericalMean() + 40 * sd);
        IterativeLegendreGaussIntegrator integrator = new IterativeLegendreGaussIntegrator(32, 1e-12, 1e-14);
        return integrator.integrate(1_000_000, x -> one.density(x) * zero.cumulativeProbability(x), from, to);
    }

    @Test
    void agreesWithNumericalIntegrationOnSmallAndLargeCounts() {
        // each of the first four sums over a different parameter: a1, a0, b1, b0 is the smallest
        long[][] cases = {{1, 10, 3, 10}, {3, 10, 1, 10}, {9, 10, 7, 10}, {7, 10, 9, 10}, {12, 200, 20, 200},
                {56, 70, 48, 80}, {120, 1000, 100, 1000}, {40, 900, 8, 150}, {5_000, 100_000, 5_100, 100_000},
                {5_100, 100_000, 5_000, 100_000}, {5_000, 100_000, 4_990, 100_000}, {700, 10_000, 350, 5_000}};
        for (long[] c : cases) {
            assertThat(ProbabilityToBeat.of(c[0], c[1], c[2], c[3])).as(Arrays.toString(c))
                    .isCloseTo(integrated(c[0], c[1], c[2], c[3]), within(1e-8));
        }
    }

    @Test
    void aLargeClearDifferenceIsNearlyCertainButNotOne() {
        double p = ProbabilityToBeat.of(5_100, 100_000, 5_000, 100_000);

        assertThat(p).isBetween(0.8, 0.9999);
        assertThat(ProbabilityToBeat.of(6_000, 100_000, 5_000, 100_000)).isGreaterThan(1 - 1e-12);
    }

    @Test
    void theTwoOrdersAddUpToOne() {
        long[][] cases = {{0, 0, 5, 9}, {1, 10, 3, 10}, {17, 400, 25, 380}, {5_000, 100_000, 5_100, 100_000},
                {999, 1000, 1, 1000}};
        for (long[] c : cases) {
            assertThat(ProbabilityToBeat.of(c[0], c[1], c[2], c[3]) + ProbabilityToBeat.of(c[2], c[3], c[0], c[1]))
                    .as(Arrays.toString(c)).isCloseTo(1.0, within(1e-10));
        }
    }

    @Test
    void equalArmsAreACoinFlip() {
        assertThat(ProbabilityToBeat.of(0, 0, 0, 0)).isCloseTo(0.5, within(1e-12));
        assertThat(ProbabilityToBeat.of(50, 1000, 50, 1000)).isCloseTo(0.5, within(1e-10));
        assertThat(ProbabilityToBeat.of(5_000, 100_000, 5_000, 100_000)).isCloseTo(0.5, within(1e-9));
    }

    @Test
    void oneSuccessInOneTrialAgainstNoDataIsTwoThirds() {
        // X1 ~ Beta(2, 1) with density 2x, X0 ~ Beta(1, 1) uniform: P(X1 > X0) = integral of 2x * x over [0, 1] = 2/3
        assertThat(ProbabilityToBeat.of(1, 1, 0, 0)).isCloseTo(2.0 / 3, within(1e-12));
    }

    @Test
    void impossibleCountsAreRejected() {
        assertThatThrownBy(() -> ProbabilityToBeat.of(11, 10, 0, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ProbabilityToBeat.of(1, 10, -1, 10)).isInstanceOf(IllegalArgumentException.class);
    }
}
