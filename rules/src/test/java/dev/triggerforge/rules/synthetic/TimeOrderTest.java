package dev.triggerforge.rules.synthetic;

import dev.triggerforge.model.event.CustomerEvent;
import dev.triggerforge.model.event.EventType;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/** The packed-key sort gives exactly the comparator's order, ties in the same millisecond included. */
class TimeOrderTest {

    private static final long START = Instant.parse("2026-01-05T00:00:00Z").toEpochMilli();

    @Test
    void sortsLikeTheComparatorWithManyTies() {
        SplittableRandom r = new SplittableRandom(1);
        List<CustomerEvent> events = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            long at = START + r.nextInt(200);
            events.add(new CustomerEvent("e" + r.nextInt(1_000_000), "c", EventType.PAGE_VIEW, Instant.ofEpochMilli(at),
                    Map.of()));
        }
        List<CustomerEvent> expected = new ArrayList<>(events);
        expected.sort(TimeOrder.EVENT_ORDER);

        assertThat(TimeOrder.sort(events, START, START + 200)).isEqualTo(expected);
        assertThat(TimeOrder.sort(events, 0, Long.MAX_VALUE / 2)).isEqualTo(expected);
    }

    @Test
    void sortsEmptyAndSingleLists() {
        CustomerEvent one = new CustomerEvent("x", "c", EventType.SEARCH, Instant.ofEpochMilli(START),
                Map.of("query", "red"));

        assertThat(TimeOrder.sort(List.of(), START, START + 1)).isEmpty();
        assertThat(TimeOrder.sort(List.of(one), START, START + 1)).containsExactly(one);
    }
}
