package dev.triggerforge.rules.optimization.bandit;

import dev.triggerforge.model.experiment.BanditSnapshot;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What an adaptive experiment has learned so far, per segment and arm, kept in bounded memory so it can live inside
 * every engine partition however many segments customers fall into.
 *
 * <p>Every outcome is counted twice: in its segment and in the pooled segment {@link #POOLED}. At most
 * {@code maxSegments} segments besides the pooled one are kept; recording into a new segment beyond that drops the
 * segment least recently updated. Its outcomes are not lost from the pooled counts, which already hold them, so
 * eviction only forgets the split by segment. The state is safe to use from several threads.
 */
public final class BanditState {

    /** The segment of all customers together. */
    public static final String POOLED = "*";

    private final int maxSegments;
    /** Segments in order of their latest update, the least recent first; the pooled one is kept apart. */
    private final LinkedHashMap<String, Map<String, ArmStats>> segments = new LinkedHashMap<>();
    private final Map<String, ArmStats> pooled = new HashMap<>();

    public BanditState(int maxSegments) {
        if (maxSegments < 0) {
            throw new IllegalArgumentException("maxSegments must not be negative, got " + maxSegments);
        }
        this.maxSegments = maxSegments;
    }

    /** Counts one decision's outcome for the arm in the segment and in the pooled segment. */
    public synchronized void record(String segment, String arm, boolean success) {
        requireName(segment, "segment");
        requireName(arm, "arm");
        pooled.merge(arm, ArmStats.NONE.plus(success), (old, one) -> old.plus(success));
        if (segment.equals(POOLED) || maxSegments == 0) {
            return;
        }
        Map<String, ArmStats> arms = segments.remove(segment);
        if (arms == null) {
            arms = new HashMap<>();
        }
        arms.merge(arm, ArmStats.NONE.plus(success), (old, one) -> old.plus(success));
        segments.put(segment, arms);
        if (segments.size() > maxSegments) {
            Iterator<String> leastRecent = segments.keySet().iterator();
            leastRecent.next();
            leastRecent.remove();
        }
    }

    /** The arm's counts in the segment; none when the segment or arm has no outcomes (or was evicted). */
    public synchronized ArmStats stats(String segment, String arm) {
        Map<String, ArmStats> arms = arms(segment);
        return arms == null ? ArmStats.NONE : arms.getOrDefault(arm, ArmStats.NONE);
    }

    /** All trials recorded in the segment over all arms. */
    public synchronized long trials(String segment) {
        Map<String, ArmStats> arms = arms(segment);
        return arms == null ? 0 : arms.values().stream().mapToLong(ArmStats::trials).sum();
    }

    /** Segments held besides the pooled one, never more than {@link #maxSegments()}. */
    public synchronized int segmentCount() {
        return segments.size();
    }

    public int maxSegments() {
        return maxSegments;
    }

    /** The counts as plain data, least recently updated segment first and the pooled segment first of all. */
    public synchronized BanditSnapshot snapshot() {
        List<BanditSnapshot.Segment> out = new ArrayList<>(segments.size() + 1);
        out.add(segmentOf(POOLED, pooled));
        segments.forEach((name, arms) -> out.add(segmentOf(name, arms)));
        return new BanditSnapshot(maxSegments, out);
    }

    /** A state holding exactly the snapshot's counts, with the same recency order. */
    public static BanditState restore(BanditSnapshot snapshot) {
        BanditState state = new BanditState(snapshot.maxSegments());
        for (BanditSnapshot.Segment s : snapshot.segments()) {
            Map<String, ArmStats> arms = new HashMap<>();
            s.arms().forEach((arm, counts) -> arms.put(arm, new ArmStats(counts.successes(), counts.trials())));
            if (s.name().equals(POOLED)) {
                state.pooled.putAll(arms);
            } else {
                state.segments.put(s.name(), arms);
            }
        }
        if (state.segments.size() > state.maxSegments) {
            throw new IllegalArgumentException("snapshot holds " + state.segments.size()
                    + " segments besides the pooled one, more than its maxSegments " + state.maxSegments);
        }
        return state;
    }

    private Map<String, ArmStats> arms(String segment) {
        return POOLED.equals(segment) ? pooled : segments.get(segment);
    }

    private static BanditSnapshot.Segment segmentOf(String name, Map<String, ArmStats> arms) {
        Map<String, BanditSnapshot.Arm> out = new HashMap<>();
        arms.forEach((arm, stats) -> out.put(arm, new BanditSnapshot.Arm(stats.successes(), stats.trials())));
        return new BanditSnapshot.Segment(name, out);
    }

    private static void requireName(String name, String what) {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException(what + " must be a non-empty string");
        }
    }
}
