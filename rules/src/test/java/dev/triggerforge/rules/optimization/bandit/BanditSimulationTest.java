package dev.triggerforge.rules.optimization.bandit;

import org.junit.jupiter.api.Test;

import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.withinPercentage;

/** Thompson sampling against a fixed even split on synthetic customers whose hidden conversion rates differ. */
class BanditSimulationTest {

    private static final int ROUNDS = 20_000;

    private static void print(String scenario, BanditSimulation.Result r) {
        System.out.printf(Locale.ROOT, "%s: %d rounds; regret even %.1f, Thompson %.1f; conversions even %d, "
                        + "Thompson %d; lift %+.4f [%+.4f, %+.4f]; late best-arm share %.3f%n", scenario, r.rounds(),
                r.evenRegret(), r.thompsonRegret(), r.evenReward(), r.thompsonReward(), r.lift(),
                r.liftInterval().low(), r.liftInterval().high(), r.lateBestArmShare());
    }

    @Test
    void thompsonMovesTrafficToTheBestArmAndLosesFarLessThanAnEvenSplit() {
        BanditSimulation simulation = new BanditSimulation(
                Map.of("all", Map.of("a", 0.02, "b", 0.03, "c", 0.05)), ThompsonAllocator.defaults(), 10);

        BanditSimulation.Result r = simulation.run(ROUNDS, 42);
        print("2/3/5 %", r);

        assertThat(r.lateBestArmShare()).isGreaterThan(0.70);
        assertThat(r.evenRegret()).as("an even split loses (0.03 + 0.02) / 3 per round")
                .isCloseTo(ROUNDS * 0.05 / 3, withinPercentage(5));
        assertThat(r.thompsonRegret()).isLessThan(0.5 * r.evenRegret());
        assertThat(r.thompsonReward()).isGreaterThan(r.evenReward());
        assertThat(r.liftInterval().low()).isLessThan(r.lift());
        assertThat(r.liftInterval().high()).isGreaterThan(r.lift());
    }

    @Test
    void segmentsWithDifferentBestArmsEachFindTheirOwn() {
        BanditSimulation simulation = new BanditSimulation(Map.of(
                "locale=de", Map.of("a", 0.05, "b", 0.03, "c", 0.02),
                "locale=en", Map.of("a", 0.02, "b", 0.03, "c", 0.05)), ThompsonAllocator.defaults(), 10);

        BanditSimulation.Result r = simulation.run(ROUNDS, 7);
        print("two segments, opposite best arms", r);

        assertThat(r.lateBestArmShare()).isGreaterThan(0.70);
        assertThat(r.thompsonRegret()).isLessThan(0.5 * r.evenRegret());
        BanditState learned = r.state();
        assertThat(learned.stats("locale=de", "a").trials()).isGreaterThan(learned.stats("locale=de", "c").trials());
        assertThat(learned.stats("locale=en", "c").trials()).isGreaterThan(learned.stats("locale=en", "a").trials());
    }

    @Test
    void theSameSeedRunsTheSameSimulation() {
        BanditSimulation simulation = new BanditSimulation(
                Map.of("all", Map.of("a", 0.02, "b", 0.03, "c", 0.05)), ThompsonAllocator.defaults(), 10);

        BanditSimulation.Result one = simulation.run(2000, 3);
        BanditSimulation.Result two = simulation.run(2000, 3);

        assertThat(two.thompsonReward()).isEqualTo(one.thompsonReward());
        assertThat(two.thompsonRegret()).isEqualTo(one.thompsonRegret());
        assertThat(two.state().snapshot()).isEqualTo(one.state().snapshot());
        assertThat(simulation.run(2000, 4).state().snapshot()).isNotEqualTo(one.state().snapshot());
    }
}
