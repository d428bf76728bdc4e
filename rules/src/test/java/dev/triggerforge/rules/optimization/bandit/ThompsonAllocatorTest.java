package dev.triggerforge.rules.optimization.bandit;

import dev.triggerforge.model.trigger.Variant;
import dev.triggerforge.rules.experiment.VariantPicker;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** Thompson allocation: the exploration floor, the fixed sticky holdout, pooled counts for thin segments, seeds. */
class ThompsonAllocatorTest {

    private static final Instant AT = Instant.parse("2026-11-23T12:00:00Z");
    private static final List<Variant> THREE = List.of(arm("a", 1), arm("b", 1), arm("c", 1));
    private static final List<Variant> WITH_HOLDOUT = List.of(arm("a", 45), arm("b", 45),
            new Variant("holdout", 10, true, null, null, null));
    private static final ThompsonAllocator ALLOCATOR = ThompsonAllocator.defaults();

    private static Variant arm(String id, int weight) {
        return new Variant(id, weight, false, null, null, null);
    }

    private static void record(BanditState state, String segment, String arm, int successes, int trials) {
        for (int i = 0; i < trials; i++) {
            state.record(segment, arm, i < successes);
        }
    }

    @Test
    void everyArmKeepsTheMinimumShareHoweverClearTheLeaderIs() {
        BanditState state = new BanditState(10);
        record(state, "all", "a", 0, 2000);
        record(state, "all", "b", 1, 2000);
        record(state, "all", "c", 400, 2000);

        Allocation allocation = ALLOCATOR.allocate(state, THREE, "exp", "customer-1", "all", AT);

        assertThat(allocation.probabilities().get("a")).isCloseTo(0.05, within(1e-12));
        assertThat(allocation.probabilities().get("b")).isCloseTo(0.05, within(1e-12));
        assertThat(allocation.probabilities().get("c")).isCloseTo(0.90, within(1e-12));
        assertThat(allocation.segment()).isEqualTo("all");
        assertThat(allocation.reason()).contains("'c' leads at 20.00% over 2000 trials");
    }

    @Test
    void theFloorHoldsForEveryArmInEveryDecisionOfASimulation() {
        BanditState state = new BanditState(10);
        double smallest = 1;
        for (int t = 0; t < 3000; t++) {
            Allocation allocation = ALLOCATOR.allocate(state, THREE, "exp", "c" + t, "all", AT.plusSeconds(t));
            double sum = 0;
            for (double p : allocation.probabilities().values()) {
                smallest = Math.min(smallest, p);
                sum += p;
            }
            assertThat(sum).isCloseTo(1, within(1e-9));
            state.record("all", allocation.arm(), t % 20 == 0 && allocation.arm().equals("c"));
        }
        assertThat(smallest).isGreaterThanOrEqualTo(0.05 - 1e-12);
    }

    @Test
    void theHoldoutKeepsItsWeightExactlyAndStaysStickyPerCustomer() {
        BanditState state = new BanditState(10);
        record(state, "all", "a", 20, 1000);
        record(state, "all", "b", 60, 1000);
        int customers = 20_000;
        int heldOut = 0;
        for (int i = 0; i < customers; i++) {
            String customer = "customer-" + i;
            Allocation allocation = ALLOCATOR.allocate(state, WITH_HOLDOUT, "exp", customer, "all", AT);
            assertThat(allocation.probabilities().get("holdout")).isEqualTo(0.10);
            boolean hashHoldout = VariantPicker.pick("exp", customer, WITH_HOLDOUT).holdout();
            assertThat(allocation.arm().equals("holdout")).isEqualTo(hashHoldout);
            if (hashHoldout) {
                heldOut++;
                Allocation later = ALLOCATOR.allocate(state, WITH_HOLDOUT, "exp", customer, "all",
                        AT.plusSeconds(86_400));
                assertThat(later.arm()).as("sticky on a later decision").isEqualTo("holdout");
            }
            state.record("all", allocation.arm().equals("holdout") ? "a" : allocation.arm(), i % 30 == 0);
        }
        assertThat((double) heldOut / customers).isCloseTo(0.10, within(0.02));
    }

    @Test
    void sendingArmsShareWhatTheHoldoutLeavesAndKeepTheirFloor() {
        BanditState state = new BanditState(10);
        record(state, "all", "a", 0, 3000);
        record(state, "all", "b", 300, 3000);

        Allocation allocation = ALLOCATOR.allocate(state, WITH_HOLDOUT, "exp", "x", "all", AT);

        assertThat(allocation.probabilities().get("a")).isCloseTo(0.05 * 0.9, within(1e-12));
        assertThat(allocation.probabilities().get("b")).isCloseTo(0.95 * 0.9, within(1e-12));
        assertThat(allocation.probabilities().get("holdout")).isEqualTo(0.10);
    }

    @Test
    void aSegmentWithFewTrialsUsesThePooledCountsAndAFullOneItsOwn() {
        BanditState state = new BanditState(10);
        record(state, "locale=en", "a", 10, 1000);
        record(state, "locale=en", "b", 100, 1000);
        record(state, "locale=de", "a", 30, 150);
        record(state, "locale=de", "b", 0, 40);

        Allocation thin = ALLOCATOR.allocate(state, List.of(arm("a", 1), arm("b", 1)), "exp", "x", "locale=de", AT);
        assertThat(thin.segment()).isEqualTo(BanditState.POOLED);
        assertThat(thin.probabilities().get("b")).isGreaterThan(0.9);
        assertThat(thin.reason()).contains("190 trials (fewer than 200), so the pooled counts decide");

        record(state, "locale=de", "b", 0, 10);
        Allocation full = ALLOCATOR.allocate(state, List.of(arm("a", 1), arm("b", 1)), "exp", "x", "locale=de", AT);
        assertThat(full.segment()).isEqualTo("locale=de");
        assertThat(full.probabilities().get("a")).isGreaterThan(0.9);
    }

    @Test
    void theSameStateAndInputsGiveTheSameChoice() {
        BanditState state = new BanditState(10);
        record(state, "all", "a", 30, 1000);
        record(state, "all", "b", 33, 1000);
        record(state, "all", "c", 31, 1000);

        for (int i = 0; i < 50; i++) {
            Allocation first = ALLOCATOR.allocate(state, THREE, "exp", "customer-" + i, "all", AT);
            Allocation again = ThompsonAllocator.defaults()
                    .allocate(state, THREE, "exp", "customer-" + i, "all", AT);
            assertThat(again).isEqualTo(first);
        }
        Allocation one = ALLOCATOR.allocate(state, THREE, "exp", "customer-1", "all", AT);
        Allocation later = ALLOCATOR.allocate(state, THREE, "exp", "customer-1", "all", AT.plusMillis(1));
        assertThat(later.probabilities()).as("another decision time draws anew").isNotEqualTo(one.probabilities());
        assertThat(ThompsonAllocator.seed("exp", "customer-1", AT))
                .isNotEqualTo(ThompsonAllocator.seed("exp", "customer-1", AT.plusMillis(1)));
    }

    @Test
    void impossibleSettingsAreRejected() {
        assertThatThrownBy(() -> new ThompsonAllocator(1, 200, 1000)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ThompsonAllocator(0.05, 200, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ThompsonAllocator(0.4, 200, 1000)
                .allocate(new BanditState(1), THREE, "exp", "x", "all", AT))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ALLOCATOR.allocate(new BanditState(1),
                List.of(new Variant("h", 1, true, null, null, null)), "exp", "x", "all", AT))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
