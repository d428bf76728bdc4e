package dev.triggerforge.rules.optimization;

import java.util.HashMap;
import java.util.Map;

/**
 * Opens and clicks, and deliveries, by local hour (24 counts) per send-time segment: what the segment priors learn
 * from, summed over sessions. Deliveries let a prior discount the hours the emails were sent in.
 */
public record ReadingHours(Map<String, long[]> engagements, Map<String, long[]> deliveries) {

    public static ReadingHours none() {
        return new ReadingHours(new HashMap<>(), new HashMap<>());
    }

    /** These counts plus {@code other}'s, as a new value. */
    public ReadingHours plus(ReadingHours other) {
        ReadingHours sum = new ReadingHours(copy(engagements), copy(deliveries));
        add(sum.engagements, other.engagements);
        add(sum.deliveries, other.deliveries);
        return sum;
    }

    private static Map<String, long[]> copy(Map<String, long[]> counts) {
        Map<String, long[]> out = new HashMap<>();
        counts.forEach((segment, hours) -> out.put(segment, hours.clone()));
        return out;
    }

    private static void add(Map<String, long[]> into, Map<String, long[]> from) {
        from.forEach((segment, hours) -> {
            long[] total = into.computeIfAbsent(segment, s -> new long[hours.length]);
            for (int h = 0; h < hours.length; h++) {
                total[h] += hours[h];
            }
        });
    }
}
