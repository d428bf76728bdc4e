package dev.triggerforge.rules.optimization.bandit;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** Inverse propensity scoring on logs of uniformly random decisions over arms whose true rates are known. */
class OffPolicyEstimateTest {

    private static final Map<String, Double> RATES = Map.of("a", 0.02, "b", 0.03, "c", 0.05);
    private static final List<String> ARMS = List.of("a", "b", "c");

    private static List<LoggedDecision> uniformLog(int decisions, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<LoggedDecision> log = new ArrayList<>(decisions);
        for (int i = 0; i < decisions; i++) {
            String arm = ARMS.get(random.nextInt(ARMS.size()));
            log.add(new LoggedDecision("all", arm, 1.0 / 3, random.nextDouble() < RATES.get(arm) ? 1 : 0));
        }
        return log;
    }

    @Test
    void theEstimateOfAlwaysBCoversBsTrueRate() {
        OffPolicyEstimate e = OffPolicyEstimate.of(uniformLog(30_000, 11), CandidatePolicy.always("b"), 0.95);
        System.out.printf(Locale.ROOT, "always b (true 0.0300): IPS %.4f [%.4f, %.4f], SNIPS %.4f [%.4f, %.4f]%n",
                e.ips(), e.ipsInterval().low(), e.ipsInterval().high(), e.snips(), e.snipsInterval().low(),
                e.snipsInterval().high());

        assertThat(e.decisions()).isEqualTo(30_000);
        assertThat(e.ipsInterval().low()).isLessThan(0.03);
        assertThat(e.ipsInterval().high()).isGreaterThan(0.03);
        assertThat(e.snipsInterval().low()).isLessThan(0.03);
        assertThat(e.snipsInterval().high()).isGreaterThan(0.03);
        assertThat(e.ipsInterval().high() - e.ipsInterval().low()).as("informative, not vacuous").isLessThan(0.012);
    }

    @Test
    void theIntervalsCoverTheTrueRateAtAboutTheirLevel() {
        int covered = 0;
        int runs = 200;
        for (int run = 0; run < runs; run++) {
            OffPolicyEstimate e = OffPolicyEstimate.of(uniformLog(6_000, 100 + run), CandidatePolicy.always("b"),
                    0.95);
            if (e.ipsInterval().low() <= 0.03 && 0.03 <= e.ipsInterval().high()) {
                covered++;
            }
        }
        System.out.printf(Locale.ROOT, "IPS 95%% interval covered the true rate in %d of %d logs%n", covered, runs);
        assertThat(covered).isBetween(180, 200);
    }

    @Test
    void switchingToTheBestArmShowsAPositiveLift() {
        OffPolicyEstimate e = OffPolicyEstimate.of(uniformLog(30_000, 12), CandidatePolicy.always("c"), 0.95);
        System.out.printf(Locale.ROOT, "always c vs uniform (true +0.0167): lift %+.4f [%+.4f, %+.4f]%n", e.lift(),
                e.liftInterval().low(), e.liftInterval().high());

        assertThat(e.loggedReward()).isCloseTo(0.1 / 3, within(0.005));
        assertThat(e.liftInterval().low()).isGreaterThan(0);
        assertThat(e.liftInterval().low()).isLessThan(0.05 - 0.1 / 3);
        assertThat(e.liftInterval().high()).isGreaterThan(0.05 - 0.1 / 3);
    }

    @Test
    void snipsEqualsTheObservedRateOfTheMatchingDecisions() {
        List<LoggedDecision> log = List.of(new LoggedDecision("s", "a", 0.5, 1), new LoggedDecision("s", "b", 0.5, 0),
                new LoggedDecision("s", "a", 0.5, 0), new LoggedDecision("s", "a", 0.5, 1));

        OffPolicyEstimate e = OffPolicyEstimate.of(log, CandidatePolicy.always("a"), 0.95);

        assertThat(e.ips()).isCloseTo(2.0 * 2 / 4, within(1e-12));
        assertThat(e.snips()).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(e.loggedReward()).isCloseTo(0.5, within(1e-12));
    }

    @Test
    void impossibleInputsAreRejected() {
        assertThatThrownBy(() -> new LoggedDecision("s", "a", 0, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> OffPolicyEstimate.of(uniformLog(1, 1), CandidatePolicy.always("a"), 0.95))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> OffPolicyEstimate.of(uniformLog(10, 1), (s, a) -> 2, 0.95))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
