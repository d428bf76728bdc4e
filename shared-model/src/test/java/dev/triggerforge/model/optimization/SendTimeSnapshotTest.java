package dev.triggerforge.model.optimization;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.triggerforge.model.json.Json;
import dev.triggerforge.model.optimization.SendTimeSnapshot.CustomerHours;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The send-time snapshot keeps 24 counts per kind and customer and round-trips through the shared JSON mapper. */
class SendTimeSnapshotTest {

    private static final ObjectMapper MAPPER = Json.mapper();

    private static List<Integer> oneAt(int hour, int count) {
        List<Integer> counts = new ArrayList<>(Collections.nCopies(SendTimeSnapshot.HOURS, 0));
        counts.set(hour, count);
        return counts;
    }

    @Test
    void roundTripsThroughJson() throws Exception {
        SendTimeSnapshot snapshot = new SendTimeSnapshot(100, 64, List.of(
                new CustomerHours("c1", oneAt(19, 12), oneAt(19, 3), oneAt(8, 20)),
                new CustomerHours("c2", oneAt(7, 1), null, null)));

        SendTimeSnapshot back = MAPPER.readValue(MAPPER.writeValueAsString(snapshot), SendTimeSnapshot.class);

        assertThat(back).isEqualTo(snapshot);
        assertThat(back.customers().get(1).clicks()).hasSize(24).containsOnly(0);
    }

    @Test
    void rejectsNegativeCountsAndUnknownFields() {
        List<Integer> negative = oneAt(3, -1);

        assertThatThrownBy(() -> new CustomerHours("c1", negative, null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 0");
        assertThatThrownBy(() -> MAPPER.readValue("{\"maxCustomers\":5,\"maxCountPerKind\":8,\"decay\":0.5}",
                SendTimeSnapshot.class)).hasMessageContaining("decay");
    }
}
