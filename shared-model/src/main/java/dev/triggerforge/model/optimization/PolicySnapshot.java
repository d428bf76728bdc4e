package dev.triggerforge.model.optimization;

import dev.triggerforge.model.experiment.BanditSnapshot;

import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What every partition decides with during one learning period: the adaptive experiments' counts and the segments'
 * engagement by local hour. It changes only at period boundaries, so decisions do not depend on how customers are
 * spread over partitions or machines, and it is stored so each decision can be traced to the counts behind it.
 *
 * @param at              the start of the period
 * @param experiments     counts by experiment id
 * @param engagementHours opens and clicks by local hour (24 counts) by send-time segment, the segment prior's source
 * @param deliveryHours   deliveries by local hour by send-time segment, which the prior divides the engagements by
 */
public record PolicySnapshot(Instant at, Map<String, BanditSnapshot> experiments,
                             Map<String, List<Long>> engagementHours, Map<String, List<Long>> deliveryHours) {

    public PolicySnapshot {
        Objects.requireNonNull(at, "at");
        experiments = experiments == null ? Map.of() : new TreeMap<>(experiments);
        experiments = Collections.unmodifiableMap(experiments);
        engagementHours = hours("engagementHours", engagementHours);
        deliveryHours = hours("deliveryHours", deliveryHours);
    }

    /** A policy whose priors know no deliveries. */
    public PolicySnapshot(Instant at, Map<String, BanditSnapshot> experiments,
                          Map<String, List<Long>> engagementHours) {
        this(at, experiments, engagementHours, null);
    }

    /** Nothing learned yet. */
    public static PolicySnapshot empty(Instant at) {
        return new PolicySnapshot(at, Map.of(), Map.of(), Map.of());
    }

    private static Map<String, List<Long>> hours(String name, Map<String, List<Long>> bySegment) {
        if (bySegment == null) {
            return Map.of();
        }
        for (Map.Entry<String, List<Long>> e : bySegment.entrySet()) {
            if (e.getValue().size() != SendTimeSnapshot.HOURS) {
                throw new IllegalArgumentException(name + " of '" + e.getKey() + "' must have "
                        + SendTimeSnapshot.HOURS + " counts, got " + e.getValue().size());
            }
        }
        return Collections.unmodifiableMap(new TreeMap<>(bySegment));
    }
}
