package dev.triggerforge.rules.optimization;

import dev.triggerforge.model.experiment.BanditSnapshot;
import dev.triggerforge.model.optimization.PolicySnapshot;
import dev.triggerforge.model.trigger.Variant;
import dev.triggerforge.rules.optimization.bandit.Allocation;
import dev.triggerforge.rules.optimization.bandit.ArmShares;
import dev.triggerforge.rules.optimization.bandit.BanditState;
import dev.triggerforge.rules.optimization.bandit.ThompsonAllocator;
import dev.triggerforge.rules.optimization.sendtime.SegmentPrior;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One learning period's snapshot made ready to decide with: the experiments' counts restored, each segment's
 * Thompson probabilities computed once (seeded by experiment, segment and period, so every partition gets the same),
 * and the send-time priors. Immutable apart from its caches, so all partitions of a process share one.
 */
public final class Policy {

    /** Engagements a send-time segment needs before its own shape is used instead of everyone's. */
    static final long MIN_SEGMENT_ENGAGEMENTS = 100;

    private static final BanditState EMPTY = BanditState.restore(new BanditSnapshot(0, List.of()));

    private record ShareKey(String experimentId, String segment, List<Variant> arms) {
    }

    private final PolicySnapshot snapshot;
    private final ThompsonAllocator allocator;
    private final Map<String, BanditState> states = new HashMap<>();
    private final Map<String, SegmentPrior> priors = new HashMap<>();
    private final SegmentPrior everyone;
    private final Map<ShareKey, ArmShares> shares = new ConcurrentHashMap<>();

    public Policy(PolicySnapshot snapshot, OptimizationSettings settings) {
        this.snapshot = snapshot;
        this.allocator = new ThompsonAllocator(settings.minShare(), settings.minSegmentTrials(), settings.draws());
        snapshot.experiments().forEach((id, counts) -> states.put(id, BanditState.restore(counts)));
        long[] allEngaged = new long[24];
        long[] allDelivered = new long[24];
        snapshot.engagementHours().forEach((segment, hours) -> {
            long[] engaged = counts(hours, allEngaged);
            long[] delivered = counts(snapshot.deliveryHours().get(segment), allDelivered);
            priors.put(segment, SegmentPrior.exposureAdjusted(engaged, delivered, settings.priorStrength()));
        });
        snapshot.deliveryHours().forEach((segment, hours) -> {
            if (!snapshot.engagementHours().containsKey(segment)) {
                counts(hours, allDelivered);
            }
        });
        this.everyone = SegmentPrior.exposureAdjusted(allEngaged, allDelivered, settings.priorStrength());
    }

    /** The 24 counts of {@code hours} (zeros when null), also added to {@code total}. */
    private static long[] counts(List<Long> hours, long[] total) {
        long[] counts = new long[24];
        if (hours != null) {
            for (int h = 0; h < 24; h++) {
                counts[h] = hours.get(h);
                total[h] += counts[h];
            }
        }
        return counts;
    }

    public Instant at() {
        return snapshot.at();
    }

    public PolicySnapshot snapshot() {
        return snapshot;
    }

    /** The variant for a customer of {@code segment} in an adaptive experiment, decided at {@code decidedAt}. */
    public Allocation allocate(String experimentId, List<Variant> arms, String customerId, String segment,
                               Instant decidedAt) {
        return allocator.choose(shares(experimentId, arms, segment), arms, experimentId, customerId, decidedAt);
    }

    /** Every variant's chance for a customer of {@code segment} in this period, and whose counts decided. */
    public ArmShares shares(String experimentId, List<Variant> arms, String segment) {
        BanditState state = states.getOrDefault(experimentId, EMPTY);
        return shares.computeIfAbsent(new ShareKey(experimentId, segment, arms),
                k -> allocator.shares(state, arms, experimentId, segment, snapshot.at()));
    }

    /** The segment's own engagement shape once it has enough opens and clicks, else everyone's. */
    public SegmentPrior prior(String segment) {
        SegmentPrior own = priors.get(segment);
        return own != null && own.pooledTotal() >= MIN_SEGMENT_ENGAGEMENTS ? own : everyone;
    }
}
