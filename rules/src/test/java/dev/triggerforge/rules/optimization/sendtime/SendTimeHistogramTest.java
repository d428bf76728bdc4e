package dev.triggerforge.rules.optimization.sendtime;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.triggerforge.model.event.CustomerEvent;
import dev.triggerforge.model.event.EventType;
import dev.triggerforge.model.json.Json;
import dev.triggerforge.model.optimization.SendTimeSnapshot;
import dev.triggerforge.model.optimization.SendTimeSnapshot.CustomerHours;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The engagement histogram counts by local hour, stays within its bounds and survives a JSON round trip. */
class SendTimeHistogramTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final ObjectMapper MAPPER = Json.mapper();

    private static CustomerEvent event(String customerId, EventType type, String at) {
        return new CustomerEvent(customerId + "-" + type + "-" + at, customerId, type, Instant.parse(at),
                Map.of("sendId", "send-" + at));
    }

    @Test
    void countsOpensClicksAndSendsByLocalHourOfTheCustomersZone() {
        EngagementHistogram h = new EngagementHistogram();

        h.record(event("c1", EventType.EMAIL_DELIVERED, "2026-01-10T07:05:00Z"), BERLIN);
        h.record(event("c1", EventType.EMAIL_OPEN, "2026-01-10T18:30:00Z"), BERLIN);
        h.record(event("c1", EventType.EMAIL_CLICK, "2026-07-10T18:31:00Z"), BERLIN);

        CustomerHours hours = h.hours("c1");
        assertThat(hours.sends().get(8)).isEqualTo(1);
        assertThat(hours.opens().get(19)).isEqualTo(1);
        assertThat(hours.clicks().get(20)).as("summer time is UTC+2").isEqualTo(1);
        assertThat(h.engagements("c1")[19] + h.engagements("c1")[20]).isEqualTo(2);
    }

    @Test
    void ignoresEventsThatAreNotEmailEngagement() {
        EngagementHistogram h = new EngagementHistogram();

        boolean counted = h.record(event("c1", EventType.CART_ADD, "2026-01-10T18:30:00Z"), BERLIN);

        assertThat(counted).isFalse();
        assertThat(h.size()).isZero();
        assertThat(h.hours("c1")).isNull();
    }

    @Test
    void evictsTheLeastRecentlyUsedCustomerBeyondTheCap() {
        EngagementHistogram h = new EngagementHistogram(3, 64);
        for (String id : List.of("a", "b", "c")) {
            h.record(event(id, EventType.EMAIL_OPEN, "2026-01-10T18:30:00Z"), BERLIN);
        }
        h.engagements("a");

        h.record(event("d", EventType.EMAIL_OPEN, "2026-01-10T18:30:00Z"), BERLIN);

        assertThat(h.size()).isEqualTo(3);
        assertThat(h.hours("b")).isNull();
        assertThat(h.snapshot().customers()).extracting(CustomerHours::customerId).containsExactly("c", "a", "d");
    }

    @Test
    void memoryStaysBoundedWhateverTheTraffic() {
        EngagementHistogram h = new EngagementHistogram(1_000, 32);
        Instant t = Instant.parse("2026-01-10T18:30:00Z");
        for (int i = 0; i < 20_000; i++) {
            h.record(new CustomerEvent("e" + i, "c" + (i % 5_000), EventType.EMAIL_OPEN, t.plusSeconds(i),
                    Map.of()), BERLIN);
        }
        for (int i = 0; i < 1_000; i++) {
            h.record(new CustomerEvent("o" + i, "loyal", EventType.EMAIL_OPEN, t, Map.of()), BERLIN);
        }

        assertThat(h.size()).isEqualTo(1_000);
        int total = h.hours("loyal").opens().stream().mapToInt(Integer::intValue).sum();
        assertThat(total).as("halved whenever it reaches 32").isBetween(16, 31);
        assertThat(h.hours("loyal").opens().get(19)).isEqualTo(total);
    }

    @Test
    void snapshotRoundTripsThroughJsonAndRestoresTheSameHistogram() throws Exception {
        EngagementHistogram h = new EngagementHistogram(10, 64);
        h.record(event("c1", EventType.EMAIL_DELIVERED, "2026-01-10T07:05:00Z"), BERLIN);
        h.record(event("c1", EventType.EMAIL_OPEN, "2026-01-10T18:30:00Z"), BERLIN);
        h.record(event("c2", EventType.EMAIL_CLICK, "2026-01-11T06:00:00Z"), ZoneId.of("America/New_York"));
        SendTimeSnapshot snapshot = h.snapshot();

        String json = MAPPER.writeValueAsString(snapshot);
        SendTimeSnapshot back = MAPPER.readValue(json, SendTimeSnapshot.class);

        assertThat(json).contains("\"maxCustomers\":10", "\"customerId\":\"c1\"", "\"opens\":[0,");
        assertThat(back).isEqualTo(snapshot);
        EngagementHistogram restored = EngagementHistogram.restore(back);
        assertThat(restored.snapshot()).isEqualTo(snapshot);
        assertThat(restored.engagements("c2")).isEqualTo(h.engagements("c2"));
    }

    @Test
    void aSnapshotWithTheWrongNumberOfHoursIsRejected() {
        List<Integer> twentyThree = Collections.nCopies(23, 0);

        assertThatThrownBy(() -> new CustomerHours("c1", twentyThree, null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("24");
        assertThatThrownBy(() -> MAPPER.readValue("{\"maxCustomers\":1,\"maxCountPerKind\":8,\"customers\":"
                + "[{\"customerId\":\"a\"},{\"customerId\":\"b\"}]}", SendTimeSnapshot.class))
                .hasMessageContaining("exceed maxCustomers");
    }
}
