package dev.triggerforge.server.experiments;

import dev.triggerforge.model.report.ExperimentResult;
import dev.triggerforge.model.report.Recommendation;
import dev.triggerforge.model.report.Verdict;
import dev.triggerforge.rules.compile.RuleSetRejectedException;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * Judges running experiments that asked for it and promotes a winner as soon as the analysis says so (each arm past
 * its minimum sample, the always-valid test significant), so nobody has to watch the results page.
 */
@ApplicationScoped
public class AutoPromotion {

    static final String ACTOR = "auto-promotion";
    private static final Logger LOG = Logger.getLogger(AutoPromotion.class);

    private final Experiments experiments;
    private final Promotion promotion;

    AutoPromotion(Experiments experiments, Promotion promotion) {
        this.experiments = experiments;
        this.promotion = promotion;
    }

    @Scheduled(every = "${triggerforge.experiments.evaluate-every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void evaluate() {
        for (ExperimentView e : experiments.list()) {
            if (e.autoPromote() && e.status() == ExperimentStatus.RUNNING) {
                try {
                    evaluate(e.experimentId());
                } catch (RuntimeException | RuleSetRejectedException ex) {
                    LOG.warnf(ex, "Experiment '%s' could not be judged or promoted; it keeps running",
                            e.experimentId());
                }
            }
        }
    }

    /** Promotes the experiment's winner if it has one now; returns the promoted variant or null. */
    String evaluate(String experimentId) throws RuleSetRejectedException {
        if (experiments.find(experimentId).status() != ExperimentStatus.RUNNING) {
            return null;
        }
        ExperimentResult result = experiments.results(experimentId);
        Recommendation r = result.recommendation();
        if (r == null || r.verdict() != Verdict.WINNER) {
            return null;
        }
        Promotion.Promoted done = promotion.promote(experimentId, r.variant(), ACTOR);
        LOG.infof("Experiment '%s': variant '%s' promoted into rule-set version %d (%s)", experimentId, r.variant(),
                done.activation().version(), r.reason());
        return r.variant();
    }
}
