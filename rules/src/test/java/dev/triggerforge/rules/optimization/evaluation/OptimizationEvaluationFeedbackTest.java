package dev.triggerforge.rules.optimization.evaluation;

import dev.triggerforge.model.optimization.PolicySnapshot;
import dev.triggerforge.rules.simulation.SimulationRun;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The send-time prior of a segment is learned online from the opens and clicks of emails the model itself timed, so
 * it could feed back on itself: once most emails go out at one hour, most opens happen in it, the segment's shape
 * piles up there and outweighs a customer's own few engagements. Before the prior divided engagements by deliveries
 * per hour, the default evaluation run (5,000 shoppers, seed 17) sent 98.7 % of best-time emails at 20:00 local;
 * this test guards against that loop coming back.
 */
class OptimizationEvaluationFeedbackTest {

    private static OptimizationEvaluation.Result result;
    private static SimulationRun bestTime;

    @BeforeAll
    static void runBestTime() throws Exception {
        result = OptimizationEvaluation.run(OptimizationEvaluation.Settings.DEFAULTS, Set.of(EvaluationArm.BEST_TIME));
        bestTime = result.arm(EvaluationArm.BEST_TIME).run();
    }

    /**
     * Catches a segment prior that says more about when the model sent than when customers read: the busiest hour
     * of the last period's pooled engagement hours may hold at most twice the share of customers whose hidden hour it
     * is at the busiest hidden hour (about 17 %, at 18, 19 and 20), and no hour may get half the best-time sends.
     */
    @Test
    void theSegmentPriorFollowsReadingHoursNotSendHours() {
        Map<String, ZoneId> zones = new HashMap<>();
        result.profiles().forEach(p -> zones.put(p.customerId(), p.zone()));
        long[] hidden = new long[24];
        result.profiles().forEach(p -> hidden[result.hidden().preferredHour(p.customerId())]++);
        double busiestHidden = (double) max(hidden) / result.profiles().size();
        PolicySnapshot last = bestTime.policies().get(bestTime.policies().size() - 1);
        long[] learned = new long[24];
        last.engagementHours().values().forEach(hours -> {
            for (int h = 0; h < 24; h++) {
                learned[h] += hours.get(h);
            }
        });
        long total = 0;
        for (long count : learned) {
            total += count;
        }
        double busiestLearned = (double) max(learned) / total;
        long[] sent = new long[24];
        bestTime.decisions().forEach(d -> sent[d.sendAt().atZone(zones.get(d.customerId())).getHour()]++);
        System.out.printf("busiest hidden hour %.1f %% of customers, busiest learned hour %.1f %% of %d engagements, "
                        + "busiest send hour %.1f %% of %d best-time sends%n", 100 * busiestHidden,
                100 * busiestLearned, total, 100.0 * max(sent) / bestTime.decisions().size(),
                bestTime.decisions().size());
        assertThat(busiestLearned).as("share of the segment prior's engagements in its busiest hour")
                .isLessThan(2 * busiestHidden);
        assertThat((double) max(sent) / bestTime.decisions().size()).as("share of sends in the busiest send hour")
                .isLessThan(0.5);
    }

    private static long max(long[] counts) {
        long max = 0;
        for (long c : counts) {
            max = Math.max(max, c);
        }
        return max;
    }
}
