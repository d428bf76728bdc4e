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
     * Each session keeps the reading hours of at most {@code maxCustomers} customers and forgets the least recently
     * used beyond that; which ones depends on who shares the session, so the promise above holds only while no
     * session forgets anyone. Catches a run that breaks the promise without saying so: with the bound lowered to
     * 100 for 2,000 customers the run reports the forgotten customers, and with the default bound it reports none.
     */
    @Test
    void aRunSaysWhenReadingHistoriesOutgrewTheirBound() throws Exception {
        OptimizationSettings d = OptimizationSettings.DEFAULTS;
        OptimizationSettings bounded = new OptimizationSettings(d.period(), d.rewardWindow(), d.minShare(),
                d.minSegmentTrials(), d.draws(), d.priorStrength(), 100, d.maxSegments());
        OptimizationEvaluation.Settings settings = new OptimizationEvaluation.Settings(2_000, 21, 23, 1);

        assertThat(candidate(settings.withOptimization(bounded)).readingEvictions()).isGreaterThan(0);
        assertThat(candidate(settings).readingEvictions()).isZero();
    }

    private static SimulationRun candidate(OptimizationEvaluation.Settings settings) throws Exception {
        return OptimizationEvaluation.run(settings, Set.of(EvaluationArm.CANDIDATE)).arm(EvaluationArm.CANDIDATE).run();
    }
}
