package dev.triggerforge.rules.optimization.bandit;

import dev.triggerforge.model.trigger.Variant;
import dev.triggerforge.rules.experiment.Interval;
import dev.triggerforge.rules.experiment.Proportions;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Synthetic customers with hidden conversion rates per segment and arm, served once by a fixed even split and once
 * by {@link ThompsonAllocator}, so the gain of adaptive allocation can be measured before it is switched on.
 *
 * <p>Each round brings one customer from a segment chosen uniformly at random. Both policies see the same customer
 * and the same uniform number u, and an arm converts when u is below its hidden rate, so the two runs differ only by
 * their choices. Thompson's outcomes are recorded at once (no delay until a purchase). Regret is the expected kind:
 * the best arm's rate in the customer's segment minus the chosen arm's, summed over rounds.
 */
public final class BanditSimulation {

    private static final Instant START = Instant.parse("2026-11-01T00:00:00Z");

    private final Map<String, Map<String, Double>> rates;
    private final List<String> segments;
    private final List<String> arms;
    private final ThompsonAllocator allocator;
    private final int maxSegments;

    /**
     * @param rates       the hidden conversion rate by segment, then by arm; every segment names the same arms
     * @param allocator   the adaptive policy to compare with the even split
     * @param maxSegments segments Thompson keeps counts for besides the pooled one
     */
    public BanditSimulation(Map<String, Map<String, Double>> rates, ThompsonAllocator allocator, int maxSegments) {
        if (rates.isEmpty()) {
            throw new IllegalArgumentException("need at least one segment");
        }
        this.segments = rates.keySet().stream().sorted().toList();
        this.arms = rates.get(segments.get(0)).keySet().stream().sorted().toList();
        for (String s : segments) {
            if (!rates.get(s).keySet().equals(Set.copyOf(arms))) {
                throw new IllegalArgumentException("segment '" + s + "' must name the arms " + arms);
            }
        }
        this.rates = Map.copyOf(rates);
        this.allocator = Objects.requireNonNull(allocator, "allocator");
        this.maxSegments = maxSegments;
    }

    /**
     * What the two policies earned.
     *
     * @param rounds           customers served by each policy
     * @param evenReward       conversions under the even split
     * @param thompsonReward   conversions under Thompson sampling
     * @param evenRegret       expected conversions the even split lost against always choosing the best arm
     * @param thompsonRegret   the same for Thompson sampling
     * @param lift             Thompson's conversion rate minus the even split's
     * @param liftInterval     Newcombe's 95 % interval of that difference
     * @param lateBestArmShare the share of Thompson's last quarter of decisions that went to the segment's best arm
     * @param state            what Thompson learned
     */
    public record Result(long rounds, long evenReward, long thompsonReward, double evenRegret, double thompsonRegret,
                         double lift, Interval liftInterval, double lateBestArmShare, BanditState state) {
    }

    /** Runs {@code rounds} customers through both policies with the given seed. */
    public Result run(int rounds, long seed) {
        if (rounds < 1) {
            throw new IllegalArgumentException("rounds must be at least 1, got " + rounds);
        }
        List<Variant> variants = new ArrayList<>();
        for (String arm : arms) {
            variants.add(new Variant(arm, 1, false, null, null, null));
        }
        String experimentId = "simulation-" + seed;
        SplittableRandom random = new SplittableRandom(seed);
        BanditState state = new BanditState(maxSegments);
        long evenReward = 0;
        long thompsonReward = 0;
        double evenRegret = 0;
        double thompsonRegret = 0;
        int lateStart = rounds - rounds / 4;
        long lateBest = 0;
        for (int t = 0; t < rounds; t++) {
            String segment = segments.get(random.nextInt(segments.size()));
            Map<String, Double> hidden = rates.get(segment);
            double best = hidden.values().stream().mapToDouble(Double::doubleValue).max().orElseThrow();
            double u = random.nextDouble();

            String even = arms.get(random.nextInt(arms.size()));
            evenReward += u < hidden.get(even) ? 1 : 0;
            evenRegret += best - hidden.get(even);

            String chosen = allocator.allocate(state, variants, experimentId, "c" + t, segment,
                    START.plusSeconds(t)).arm();
            boolean converted = u < hidden.get(chosen);
            state.record(segment, chosen, converted);
            thompsonReward += converted ? 1 : 0;
            thompsonRegret += best - hidden.get(chosen);
            if (t >= lateStart && hidden.get(chosen) == best) {
                lateBest++;
            }
        }
        Interval lift = Proportions.newcombe(thompsonReward, rounds, evenReward, rounds, 0.95);
        return new Result(rounds, evenReward, thompsonReward, evenRegret, thompsonRegret,
                (double) (thompsonReward - evenReward) / rounds, lift, (double) lateBest / (rounds - lateStart),
                state);
    }
}
