package dev.triggerforge.rules.synthetic;

import dev.triggerforge.model.event.CustomerEvent;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Sorts a million events by time, then id, in a fraction of the time a comparator sort takes: it sorts packed
 * (time offset, position) longs and only compares ids among events of the same millisecond.
 */
final class TimeOrder {

    static final Comparator<CustomerEvent> EVENT_ORDER =
            Comparator.comparing(CustomerEvent::occurredAt).thenComparing(CustomerEvent::eventId);
    private static final Comparator<CustomerEvent> BY_ID = Comparator.comparing(CustomerEvent::eventId);

    private TimeOrder() {
    }

    /** The events in {@link #EVENT_ORDER}; each must be at millisecond precision, in [start, end). */
    static List<CustomerEvent> sort(List<CustomerEvent> events, long startMillis, long endMillis) {
        int positionBits = 64 - Long.numberOfLeadingZeros(Math.max(1, events.size()));
        int offsetBits = 64 - Long.numberOfLeadingZeros(Math.max(1, endMillis - startMillis));
        if (positionBits + offsetBits > 63) {
            List<CustomerEvent> sorted = new ArrayList<>(events);
            sorted.sort(EVENT_ORDER);
            return sorted;
        }
        long[] keys = new long[events.size()];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = (events.get(i).occurredAt().toEpochMilli() - startMillis) << positionBits | i;
        }
        Arrays.sort(keys);
        long mask = (1L << positionBits) - 1;
        CustomerEvent[] sorted = new CustomerEvent[keys.length];
        for (int i = 0; i < keys.length; i++) {
            sorted[i] = events.get((int) (keys[i] & mask));
        }
        int runStart = 0;
        for (int i = 1; i <= sorted.length; i++) {
            if (i == sorted.length || (keys[i] >>> positionBits) != (keys[runStart] >>> positionBits)) {
                if (i - runStart > 1) {
                    Arrays.sort(sorted, runStart, i, BY_ID);
                }
                runStart = i;
            }
        }
        return Arrays.asList(sorted);
    }
}
