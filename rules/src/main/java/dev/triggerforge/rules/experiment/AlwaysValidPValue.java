package dev.triggerforge.rules.experiment;

/**
 * A p-value for the difference of two proportions that may be looked at after every batch of data without raising
 * the false-positive rate: the mixture sequential probability ratio test (mSPRT) of Johari, Pekelis and Walsh,
 * "Always valid inference" (2017), on the normal approximation of the difference.
 *
 * <p>With z the pooled two-proportion z statistic and n = n1 n0 / (n1 + n0) the effective sample size, a normal
 * mixing distribution N(0, tau^2) over the true difference gives the likelihood ratio
 * <pre>Lambda = (1 + rho)^(-1/2) exp(z^2 rho / (2 (1 + rho))), rho = tau^2 / Var(difference)</pre>
 * and p = min(1, 1 / Lambda). Under no difference Lambda is a non-negative martingale, so by Ville's inequality the
 * chance it ever exceeds 1 / alpha, at any of any number of looks, is at most alpha.
 *
 * <p>Mixing variance: tau^2 is {@value #RHO_AT_MINIMUM_SAMPLE} times the variance of the difference when both arms
 * have the minimum sample, i.e. tau^2 = 10 p(1 - p) / n_min with p the pooled rate and n_min the effective size at
 * the minimum sample. For alpha = 0.05 the boundary z is lowest (about 3.0) near rho = 10, so the test is sharpest
 * just when a verdict first becomes possible, and it loosens only logarithmically after (z about 3.3 at 10 times the
 * minimum sample, 3.6 at 100 times). The prior it implies on effects is broad: at the defaults (1000 per arm) and a
 * 5 % rate, tau is about 3 percentage points, i.e. relative lifts of up to about +-60 %, wider than most email tests
 * need, which costs a little power but never validity.
 */
public final class AlwaysValidPValue {

    static final double RHO_AT_MINIMUM_SAMPLE = 10;

    private final double effectiveMinimumSample;

    /** The test tuned for experiments whose arms each need {@code minimumSample} exposures before a verdict. */
    public AlwaysValidPValue(long minimumSample) {
        if (minimumSample < 1) {
            throw new IllegalArgumentException("minimumSample must be at least 1, got " + minimumSample);
        }
        this.effectiveMinimumSample = minimumSample / 2.0;
    }

    /** The always-valid p-value of {@code s1/n1} against {@code s0/n0} at this look; 1 when an arm is empty. */
    public double of(long s1, long n1, long s0, long n0) {
        double z = Proportions.zScore(s1, n1, s0, n0);
        if (n1 == 0 || n0 == 0) {
            return 1;
        }
        double effective = (double) n1 * n0 / (n1 + n0);
        double rho = RHO_AT_MINIMUM_SAMPLE * effective / effectiveMinimumSample;
        double logLambda = z * z * rho / (2 * (1 + rho)) - 0.5 * Math.log1p(rho);
        return Math.min(1, Math.exp(-logLambda));
    }
}
