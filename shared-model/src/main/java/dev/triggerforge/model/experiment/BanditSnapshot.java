package dev.triggerforge.model.experiment;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The counts an adaptive experiment has learned, as plain JSON, so they can be stored, shipped between servers and
 * restored without replaying every outcome.
 *
 * @param maxSegments how many segments besides the pooled one are kept
 * @param segments    every segment with its arms' counts, the least recently updated first; the pooled segment
 *                    {@code *} is among them
 */
public record BanditSnapshot(int maxSegments, List<Segment> segments) {

    public BanditSnapshot {
        if (maxSegments < 0) {
            throw new IllegalArgumentException("maxSegments must not be negative, got " + maxSegments);
        }
        segments = List.copyOf(Objects.requireNonNull(segments, "segments"));
    }

    /**
     * One segment's counts.
     *
     * @param name such as {@code locale=de|new}, or {@code *} for all customers together
     * @param arms successes and trials by arm (variant id)
     */
    public record Segment(String name, Map<String, Arm> arms) {

        public Segment {
            Objects.requireNonNull(name, "name");
            arms = Map.copyOf(Objects.requireNonNull(arms, "arms"));
        }
    }

    /**
     * One arm's outcomes in one segment.
     *
     * @param successes decisions that led to the reward (a conversion, say)
     * @param trials    decisions recorded
     */
    public record Arm(long successes, long trials) {

        public Arm {
            if (successes < 0 || trials < 0 || successes > trials) {
                throw new IllegalArgumentException("need 0 <= successes <= trials, got " + successes + " of "
                        + trials);
            }
        }
    }
}
