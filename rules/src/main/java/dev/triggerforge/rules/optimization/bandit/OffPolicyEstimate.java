package dev.triggerforge.rules.optimization.bandit;

import dev.triggerforge.rules.experiment.Interval;
import org.apache.commons.math3.distribution.NormalDistribution;

import java.util.List;

/**
 * What a candidate policy would have earned per decision, estimated from the decisions another policy logged, so a
 * marketer can see the lift of switching (to adaptive allocation, say) before switching.
 *
 * <p>Each logged decision i has the weight w = π(arm | segment) / propensity, π being the candidate's chance of the
 * same choice. Inverse propensity scoring (IPS) is the mean of w · reward, unbiased when every propensity is the true
 * one and positive wherever π is. Self-normalised IPS (SNIPS) divides Σ w · reward by Σ w instead of n: slightly
 * biased, but with much less variance when weights are large. Intervals are normal approximations: IPS uses the
 * standard error of the per-decision terms w · reward, SNIPS the delta-method error of the ratio
 * (the standard deviation of w · (reward − SNIPS), divided by the mean weight). The lift is IPS minus the logged mean
 * reward, with the interval of the paired per-decision differences w · reward − reward.
 *
 * @param decisions    how many logged decisions the estimate rests on
 * @param loggedReward mean reward of what was actually done
 * @param ips          estimated mean reward of the candidate by IPS, with {@code ipsInterval}
 * @param snips        the same by self-normalised IPS, with {@code snipsInterval}
 * @param lift         {@code ips - loggedReward}, with {@code liftInterval}
 * @param confidence   of every interval
 */
public record OffPolicyEstimate(long decisions, double loggedReward, double ips, Interval ipsInterval, double snips,
                                Interval snipsInterval, double lift, Interval liftInterval, double confidence) {

    /** Estimates the candidate's mean reward on the logged decisions, at the given two-sided confidence. */
    public static OffPolicyEstimate of(List<LoggedDecision> log, CandidatePolicy candidate, double confidence) {
        if (log.size() < 2) {
            throw new IllegalArgumentException("need at least 2 logged decisions, got " + log.size());
        }
        if (!(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("confidence must be strictly between 0 and 1, got " + confidence);
        }
        int n = log.size();
        double[] weights = new double[n];
        double[] terms = new double[n];
        double[] differences = new double[n];
        double sumWeights = 0;
        double sumTerms = 0;
        double sumRewards = 0;
        for (int i = 0; i < n; i++) {
            LoggedDecision d = log.get(i);
            double pi = candidate.probability(d.segment(), d.arm());
            if (!(pi >= 0 && pi <= 1)) {
                throw new IllegalArgumentException("candidate probability must be in [0, 1], got " + pi + " for arm '"
                        + d.arm() + "' in segment '" + d.segment() + "'");
            }
            weights[i] = pi / d.propensity();
            terms[i] = weights[i] * d.reward();
            differences[i] = terms[i] - d.reward();
            sumWeights += weights[i];
            sumTerms += terms[i];
            sumRewards += d.reward();
        }
        double z = new NormalDistribution(null, 0, 1).inverseCumulativeProbability(1 - (1 - confidence) / 2);
        double ips = sumTerms / n;
        double halfIps = z * standardError(terms);
        double lift = ips - sumRewards / n;
        double halfLift = z * standardError(differences);

        double snips = sumWeights > 0 ? sumTerms / sumWeights : 0;
        double halfSnips = Double.POSITIVE_INFINITY;
        if (sumWeights > 0) {
            double[] residuals = new double[n];
            for (int i = 0; i < n; i++) {
                residuals[i] = weights[i] * (log.get(i).reward() - snips);
            }
            halfSnips = z * standardError(residuals) / (sumWeights / n);
        }
        return new OffPolicyEstimate(n, sumRewards / n, ips, new Interval(ips - halfIps, ips + halfIps), snips,
                new Interval(snips - halfSnips, snips + halfSnips), lift,
                new Interval(lift - halfLift, lift + halfLift), confidence);
    }

    /** The standard error of the mean of the values: sample standard deviation over √n. */
    private static double standardError(double[] values) {
        double mean = 0;
        for (double v : values) {
            mean += v;
        }
        mean /= values.length;
        double squares = 0;
        for (double v : values) {
            squares += (v - mean) * (v - mean);
        }
        return Math.sqrt(squares / (values.length - 1) / values.length);
    }
}
