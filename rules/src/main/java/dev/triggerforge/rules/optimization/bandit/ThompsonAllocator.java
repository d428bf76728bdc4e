package dev.triggerforge.rules.optimization.bandit;

import dev.triggerforge.model.trigger.Variant;
import dev.triggerforge.rules.experiment.VariantPicker;
import dev.triggerforge.rules.session.StableHash;
import org.apache.commons.math3.distribution.BetaDistribution;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Chooses a variant by Thompson sampling so traffic moves to the arms that convert best while every arm keeps some
 * exploration and the holdout keeps its fixed share, with seeded draws so the simulator and production agree.
 *
 * <p>The rules, in order:
 * <ol>
 *   <li>The holdout is decided first by the sticky hash of {@link VariantPicker}: a customer whose bucket falls in the
 *   holdout's weight is held out, always, so the holdout is exactly its weight's share and lift stays measurable. The
 *   weights of the sending arms only matter through that; their split is adaptive.</li>
 *   <li>The counts come from the customer's segment, or from the pooled segment {@code *} while the segment has
 *   fewer than {@code minSegmentTrials} trials.</li>
 *   <li>Each sending arm's Thompson share is the fraction of {@code draws} joint draws from the Beta(s + 1, f + 1)
 *   posteriors in which it is the highest (ties to the first arm).</li>
 *   <li>Its probability among the sending arms is max(minShare, c · thompson share), with c the one constant that
 *   makes them sum to 1, so no arm ever gets less than {@code minShare} of the sending traffic.</li>
 *   <li>The arm is drawn from those probabilities, so the logged propensity is exactly the chance it had.</li>
 * </ol>
 * All randomness comes from {@link #seed(String, String, Instant)}: the same state and inputs give the same choice.
 */
public final class ThompsonAllocator {

    private final double minShare;
    private final long minSegmentTrials;
    private final int draws;

    /**
     * @param minShare         the least share of the sending traffic every sending arm gets, in [0, 1)
     * @param minSegmentTrials trials a segment needs before its own counts are used instead of the pooled ones
     * @param draws            joint posterior draws per decision to estimate the Thompson shares
     */
    public ThompsonAllocator(double minShare, long minSegmentTrials, int draws) {
        if (!(minShare >= 0 && minShare < 1)) {
            throw new IllegalArgumentException("minShare must be in [0, 1), got " + minShare);
        }
        if (minSegmentTrials < 0) {
            throw new IllegalArgumentException("minSegmentTrials must not be negative, got " + minSegmentTrials);
        }
        if (draws < 1) {
            throw new IllegalArgumentException("draws must be at least 1, got " + draws);
        }
        this.minShare = minShare;
        this.minSegmentTrials = minSegmentTrials;
        this.draws = draws;
    }

    /** 5 % minimum share, 200 trials before a segment decides for itself, 1,000 draws. */
    public static ThompsonAllocator defaults() {
        return new ThompsonAllocator(0.05, 200, 1000);
    }

    /** The seed of one decision: the same experiment, customer and decision time always draw the same numbers. */
    public static long seed(String experimentId, String customerId, Instant decidedAt) {
        return StableHash.of(experimentId + '\u0000' + customerId + '\u0000' + decidedAt.toEpochMilli());
    }

    /**
     * The arm for one customer.
     *
     * @param arms the experiment's variants in their order; at most one holdout, at least one sending arm
     */
    public Allocation allocate(BanditState state, List<Variant> arms, String experimentId, String customerId,
                               String segment, Instant decidedAt) {
        RandomGenerator random = new Well19937c(seed(experimentId, customerId, decidedAt));
        ArmShares shares = shares(state, arms, segment, random);
        return choose(shares, arms, experimentId, customerId, random.nextDouble());
    }

    /**
     * The probabilities of one segment for a whole learning period, estimated once from draws seeded by the
     * experiment, segment and period start, so every customer of the segment in the period sees the same ones.
     */
    public ArmShares shares(BanditState state, List<Variant> arms, String experimentId, String segment,
                            Instant periodStart) {
        return shares(state, arms, segment, new Well19937c(seed(experimentId, segment, periodStart)));
    }

    /**
     * The arm for one customer from a period's probabilities. The one uniform number it needs is the top 53 bits of
     * the decision's seed, itself a well-mixed 64-bit hash, rather than a generator seeded per decision, which would
     * cost more than the rest of the decision.
     */
    public Allocation choose(ArmShares shares, List<Variant> arms, String experimentId, String customerId,
                             Instant decidedAt) {
        return choose(shares, arms, experimentId, customerId,
                (seed(experimentId, customerId, decidedAt) >>> 11) * 0x1.0p-53);
    }

    private ArmShares shares(BanditState state, List<Variant> arms, String segment, RandomGenerator random) {
        List<Variant> sending = arms.stream().filter(v -> !v.holdout()).toList();
        List<Variant> holdouts = arms.stream().filter(Variant::holdout).toList();
        if (sending.isEmpty() || holdouts.size() > 1) {
            throw new IllegalArgumentException("need at least one sending arm and at most one holdout, got " + arms);
        }
        if (minShare * sending.size() > 1) {
            throw new IllegalArgumentException("minShare " + minShare + " is more than " + sending.size()
                    + " sending arms can each get");
        }
        int totalWeight = arms.stream().mapToInt(Variant::weight).sum();
        if (totalWeight <= 0 || arms.stream().anyMatch(v -> v.weight() < 0)) {
            throw new IllegalArgumentException("weights must not be negative and must add up to more than 0");
        }
        Variant holdout = holdouts.isEmpty() ? null : holdouts.get(0);
        double holdoutShare = holdout == null ? 0 : (double) holdout.weight() / totalWeight;

        String used = state.trials(segment) >= minSegmentTrials ? segment : BanditState.POOLED;
        double[] shares = floored(thompsonShares(state, used, sending, random));
        Map<String, Double> probabilities = new LinkedHashMap<>();
        for (int i = 0; i < sending.size(); i++) {
            probabilities.put(sending.get(i).id(), shares[i] * (1 - holdoutShare));
        }
        if (holdout != null) {
            probabilities.put(holdout.id(), holdoutShare);
        }
        return new ArmShares(probabilities, shares, holdoutShare, used, evidence(state, segment, used, sending,
                shares));
    }

    private static Allocation choose(ArmShares shares, List<Variant> arms, String experimentId, String customerId,
                                     double u) {
        Variant sticky = VariantPicker.pick(experimentId, customerId, arms);
        if (sticky != null && sticky.holdout()) {
            return new Allocation(sticky.id(), shares.probabilities(), shares.segment(), String.format(Locale.ROOT,
                    "Customer is in the fixed %.1f%% holdout '%s' (sticky by customer), so no email is sent.",
                    100 * shares.holdoutShare(), sticky.id()));
        }
        List<Variant> sending = arms.stream().filter(v -> !v.holdout()).toList();
        String chosen = sending.get(drawIndex(shares.sendingShares(), u)).id();
        return new Allocation(chosen, shares.probabilities(), shares.segment(), String.format(Locale.ROOT,
                "%s; chose '%s' with probability %.1f%%.", shares.evidence(), chosen,
                100 * shares.probabilities().get(chosen)));
    }

    private double[] thompsonShares(BanditState state, String segment, List<Variant> sending,
                                    RandomGenerator random) {
        int k = sending.size();
        BetaDistribution[] posteriors = new BetaDistribution[k];
        for (int i = 0; i < k; i++) {
            ArmStats s = state.stats(segment, sending.get(i).id());
            posteriors[i] = new BetaDistribution(random, s.successes() + 1.0, s.failures() + 1.0);
        }
        double[] wins = new double[k];
        for (int d = 0; d < draws; d++) {
            int best = 0;
            double bestValue = -1;
            for (int i = 0; i < k; i++) {
                double value = posteriors[i].sample();
                if (value > bestValue) {
                    bestValue = value;
                    best = i;
                }
            }
            wins[best]++;
        }
        for (int i = 0; i < k; i++) {
            wins[i] /= draws;
        }
        return wins;
    }

    /**
     * max(minShare, c · share) for the one c that makes the result sum to 1: raise the arms below the floor to it and
     * scale the others down to what is left, until no scaled arm falls below the floor.
     */
    private double[] floored(double[] shares) {
        int k = shares.length;
        boolean[] atFloor = new boolean[k];
        while (true) {
            double rest = 1;
            double free = 0;
            for (int i = 0; i < k; i++) {
                if (atFloor[i]) {
                    rest -= minShare;
                } else {
                    free += shares[i];
                }
            }
            double scale = free > 0 ? rest / free : 0;
            boolean changed = false;
            for (int i = 0; i < k; i++) {
                if (!atFloor[i] && shares[i] * scale < minShare) {
                    atFloor[i] = true;
                    changed = true;
                }
            }
            if (!changed) {
                double[] out = new double[k];
                int unfloored = 0;
                for (int i = 0; i < k; i++) {
                    out[i] = atFloor[i] ? minShare : shares[i] * scale;
                    unfloored += atFloor[i] ? 0 : 1;
                }
                if (unfloored == 0) {
                    for (int i = 0; i < k; i++) {
                        out[i] = 1.0 / k;
                    }
                }
                return out;
            }
        }
    }

    private static int drawIndex(double[] shares, double u) {
        double cumulative = 0;
        for (int i = 0; i < shares.length; i++) {
            cumulative += shares[i];
            if (u < cumulative) {
                return i;
            }
        }
        return shares.length - 1;
    }

    private String evidence(BanditState state, String segment, String used, List<Variant> sending,
                            double[] shares) {
        int leader = 0;
        for (int i = 1; i < shares.length; i++) {
            if (shares[i] > shares[leader]) {
                leader = i;
            }
        }
        ArmStats lead = state.stats(used, sending.get(leader).id());
        String source = used.equals(segment)
                ? String.format(Locale.ROOT, "Segment '%s' has %d trials", segment, state.trials(segment))
                : String.format(Locale.ROOT, "Segment '%s' has %d trials (fewer than %d), so the pooled counts "
                + "decide", segment, state.trials(segment), minSegmentTrials);
        return String.format(Locale.ROOT, "%s; '%s' leads at %.2f%% over %d trials", source,
                sending.get(leader).id(), 100 * lead.rate(), lead.trials());
    }
}
