package dev.triggerforge.rules.optimization.bandit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.triggerforge.model.experiment.BanditSnapshot;
import dev.triggerforge.model.json.Json;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Counting outcomes per segment and arm: pooled counts, the memory bound with its eviction, and the JSON form. */
class BanditStateTest {

    private static final ObjectMapper MAPPER = Json.mapper();

    @Test
    void everyOutcomeCountsInItsSegmentAndInThePooledOne() {
        BanditState state = new BanditState(10);
        state.record("locale=de|new", "a", true);
        state.record("locale=de|new", "a", false);
        state.record("locale=en|new", "a", true);
        state.record("locale=en|new", "b", false);

        assertThat(state.stats("locale=de|new", "a")).isEqualTo(new ArmStats(1, 2));
        assertThat(state.stats("locale=en|new", "b")).isEqualTo(new ArmStats(0, 1));
        assertThat(state.stats(BanditState.POOLED, "a")).isEqualTo(new ArmStats(2, 3));
        assertThat(state.trials(BanditState.POOLED)).isEqualTo(4);
        assertThat(state.trials("locale=fr|new")).isZero();
        assertThat(state.stats("locale=fr|new", "a")).isEqualTo(ArmStats.NONE);
    }

    @Test
    void theLeastRecentlyUpdatedSegmentIsDroppedWhileThePooledCountsKeepItsOutcomes() {
        BanditState state = new BanditState(2);
        state.record("s1", "a", true);
        state.record("s2", "a", false);
        state.record("s1", "a", true);
        state.record("s3", "a", true);

        assertThat(state.segmentCount()).isEqualTo(2);
        assertThat(state.trials("s2")).as("least recently updated: evicted").isZero();
        assertThat(state.stats("s1", "a")).isEqualTo(new ArmStats(2, 2));
        assertThat(state.stats("s3", "a")).isEqualTo(new ArmStats(1, 1));
        assertThat(state.stats(BanditState.POOLED, "a")).isEqualTo(new ArmStats(3, 4));
    }

    @Test
    void tenThousandSegmentsStayWithinTheCap() {
        BanditState state = new BanditState(100);
        for (int i = 0; i < 10_000; i++) {
            state.record("customer-segment-" + i, i % 2 == 0 ? "a" : "b", i % 7 == 0);
        }

        assertThat(state.segmentCount()).isEqualTo(100);
        assertThat(state.snapshot().segments()).hasSize(101);
        assertThat(state.trials(BanditState.POOLED)).isEqualTo(10_000);
        assertThat(state.trials("customer-segment-9999")).isEqualTo(1);
        assertThat(state.trials("customer-segment-9899")).isZero();
    }

    @Test
    void theSnapshotSurvivesTheJsonRoundTripAndRestoresTheSameState() throws Exception {
        BanditState state = new BanditState(2);
        state.record("locale=de|new", "a", true);
        state.record("locale=en|new", "b", false);
        state.record("locale=de|new", "b", true);
        BanditSnapshot snapshot = state.snapshot();

        String json = MAPPER.writeValueAsString(snapshot);
        BanditSnapshot back = MAPPER.readValue(json, BanditSnapshot.class);
        assertThat(back).isEqualTo(snapshot);
        JsonNode tree = MAPPER.readTree(json);
        assertThat(tree.get("maxSegments").asInt()).isEqualTo(2);
        assertThat(tree.get("segments").get(0).get("name").asText()).isEqualTo("*");
        assertThat(tree.get("segments").get(2).get("arms").get("b").get("successes").asLong()).isEqualTo(1);

        BanditState restored = BanditState.restore(back);
        assertThat(restored.snapshot()).isEqualTo(snapshot);
        restored.record("locale=fr|new", "a", false);
        assertThat(restored.trials("locale=en|new")).as("recency order restored too").isZero();
        assertThat(restored.trials("locale=de|new")).isEqualTo(2);
    }

    @Test
    void impossibleCountsAreRejected() {
        assertThatThrownBy(() -> new ArmStats(3, 2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BanditSnapshot.Arm(-1, 2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BanditState(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BanditState(1).record("", "a", true))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
