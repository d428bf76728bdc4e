package dev.triggerforge.rules.optimization.evaluation;

import dev.triggerforge.model.decision.EmailDecision;
import dev.triggerforge.rules.optimization.OptimizationSettings;
import dev.triggerforge.rules.simulation.SimulationRun;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The engine's promise for adaptive triggers: the learning periods are shared by all partitions, so a run decides
 * exactly the same with one partition as with three.
 */
class OptimizationEvaluationPartitionsTest {

    /**
     * Catches any partition-dependent state in the adaptive path (a policy built from one partition's sends, a
     * reading history or a segment's engagement hours counted per partition, a random seed that depends on the
     * order of work): variants, send times, probabilities and reasons must all be equal.
     */
    @Test
    void adaptiveDecisionsDoNotDependOnThePartitionCount() throws Exception {
        OptimizationEvaluation.Settings settings = new OptimizationEvaluation.Settings(2_000, 21, 23, 1);
        SimulationRun oneRun = candidate(settings);
        SimulationRun threeRun = candidate(settings.withPartitions(3));
        assertThat(threeRun.policies()).as("the learned policy of every period").hasSizeGreaterThan(400)
                .isEqualTo(oneRun.policies());
        List<EmailDecision> one = oneRun.decisions();
        List<EmailDecision> three = threeRun.decisions();
        assertThat(one).hasSizeGreaterThan(1_000);
        assertThat(one.stream().filter(d -> d.explanation() != null && d.explanation().sendTimeReason() != null
                && !d.explanation().variantProbabilities().isEmpty())).as("adaptive best-time decisions")
                .hasSizeGreaterThan(1_000);
        assertThat(three).hasSameSizeAs(one);
        for (int i = 0; i < one.size(); i++) {
            assertThat(three.get(i)).as("decision %d", i).isEqualTo(one.get(i));
        }
    }

    /**
     * Known defect, failing on purpose: each session keeps the reading hours of at most {@code maxCustomers}
     * customers and evicts the least recently used. With more customers than that, one partition evicts other
     * customers than three partitions do (three sessions hold three times as many, and each evicts by its own
     * recency), so best times differ with the partition count, and through the clicks they earn so can the variants.
     * Measured: 2,544 sends with one partition, 2,545 with three. Here the bound is lowered to 100 customers so
     * 2,000 exceed it; the default of 250,000 per session is exceeded by large simulations in the same way.
     */
    @Test
    void adaptiveDecisionsDoNotDependOnThePartitionCountWhenReadingHistoriesAreEvicted() throws Exception {
        OptimizationSettings d = OptimizationSettings.DEFAULTS;
        OptimizationSettings bounded = new OptimizationSettings(d.period(), d.rewardWindow(), d.minShare(),
                d.minSegmentTrials(), d.draws(), d.priorStrength(), 100, d.maxSegments());
        OptimizationEvaluation.Settings settings = new OptimizationEvaluation.Settings(2_000, 21, 23, 1)
                .withOptimization(bounded);
        List<EmailDecision> one = candidate(settings).decisions();
        List<EmailDecision> three = candidate(settings.withPartitions(3)).decisions();
        assertThat(three).hasSameSizeAs(one);
        for (int i = 0; i < one.size(); i++) {
            assertThat(three.get(i)).as("decision %d", i).isEqualTo(one.get(i));
        }
    }

    private static SimulationRun candidate(OptimizationEvaluation.Settings settings) throws Exception {
        return OptimizationEvaluation.run(settings, Set.of(EvaluationArm.CANDIDATE)).arm(EvaluationArm.CANDIDATE).run();
    }
}
