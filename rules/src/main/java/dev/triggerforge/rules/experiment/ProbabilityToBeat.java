package dev.triggerforge.rules.experiment;

import org.apache.commons.math3.special.Beta;

/**
 * The Bayesian chance that one arm's true rate is above another's, computed exactly rather than by sampling, so the
 * number a marketer reads is the same on every refresh.
 */
public final class ProbabilityToBeat {

    private ProbabilityToBeat() {
    }

    /**
     * P(p1 > p0) when p1 and p0 have uniform Beta(1, 1) priors and {@code s1} of {@code n1} and {@code s0} of
     * {@code n0} successes were seen, so their posteriors are Beta(s + 1, n - s + 1). Uses the closed form
     * <pre>P(X1 > X0) = sum over i in [0, a1) of B(a0 + i, b0 + b1) / ((b1 + i) B(1 + i, b1) B(a0, b0))</pre>
     * for X1 ~ Beta(a1, b1), X0 ~ Beta(a0, b0), in logs; by the symmetries P(X1 > X0) = 1 - P(X0 > X1) and
     * P(X1 > X0) = P(1 - X0 > 1 - X1) it sums over whichever of the four parameters is smallest.
     */
    public static double of(long s1, long n1, long s0, long n0) {
        if (s1 < 0 || s0 < 0 || s1 > n1 || s0 > n0) {
            throw new IllegalArgumentException("need 0 <= successes <= trials, got " + s1 + " of " + n1 + " and "
                    + s0 + " of " + n0);
        }
        double a1 = s1 + 1.0;
        double b1 = n1 - s1 + 1.0;
        double a0 = s0 + 1.0;
        double b0 = n0 - s0 + 1.0;
        double smallest = Math.min(Math.min(a1, b1), Math.min(a0, b0));
        double p;
        if (smallest == a1) {
            p = sumOver(a1, b1, a0, b0);
        } else if (smallest == a0) {
            p = 1 - sumOver(a0, b0, a1, b1);
        } else if (smallest == b0) {
            p = sumOver(b0, a0, b1, a1);
        } else {
            p = 1 - sumOver(b1, a1, b0, a0);
        }
        return Math.min(1, Math.max(0, p));
    }

    /** P(X > Y) for X ~ Beta(a, b) and Y ~ Beta(c, d), with a whole: a terms of the closed form. */
    private static double sumOver(double a, double b, double c, double d) {
        double logBetaY = Beta.logBeta(c, d);
        double sum = 0;
        for (int i = 0; i < a; i++) {
            sum += Math.exp(Beta.logBeta(c + i, d + b) - Math.log(b + i) - Beta.logBeta(1 + i, b) - logBetaY);
        }
        return sum;
    }
}
