package dev.triggerforge.server.optimization;

import dev.triggerforge.model.decision.EmailDecision;
import dev.triggerforge.model.trigger.TriggerSpec;
import dev.triggerforge.model.trigger.Variant;
import dev.triggerforge.rules.optimization.Explanations;
import dev.triggerforge.rules.optimization.bandit.CandidatePolicy;
import dev.triggerforge.rules.optimization.bandit.LoggedDecision;
import dev.triggerforge.rules.optimization.bandit.OffPolicyEstimate;
import dev.triggerforge.rules.optimization.bandit.SendLog;
import dev.triggerforge.server.feedback.FeedbackRecord;
import dev.triggerforge.server.sends.SendRecord;
import dev.triggerforge.server.store.Database;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.StatelessSession;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Estimates from the recorded sends of an experiment what always sending each variant would have earned in clicks
 * (inverse propensity scoring), so a marketer can weigh a switch before making it.
 */
@ApplicationScoped
public class OffPolicyReports {

    /**
     * @param decisions     logged sends the estimates rest on
     * @param skipped       sends left out: variant not in the trigger, or no chance recorded
     * @param loggedRate    the click rate of what was actually sent
     * @param alwaysVariant per sending variant, the estimate of always sending it
     */
    public record Report(String experimentId, String ruleId, Duration window, long decisions, long skipped,
                         double loggedRate, Map<String, OffPolicyEstimate> alwaysVariant) {
    }

    private final Database database;

    OffPolicyReports(Database database) {
        this.database = database;
    }

    /** The report for the trigger's sends due before {@code now - window}; null with fewer than 2 of them. */
    public Report report(TriggerSpec trigger, Duration window, double confidence, Instant now) {
        Instant ripe = now.minus(window);
        return QuarkusTransaction.requiringNew().call(() -> {
            StatelessSession s = database.statelessSession();
            List<SendRecord> sends = s.createSelectionQuery("from SendRecord r where r.ruleId = :rule "
                            + "and r.variant is not null and r.sendAt <= :ripe", SendRecord.class)
                    .setParameter("rule", trigger.id()).setParameter("ripe", ripe).getResultList();
            Map<String, Instant> firstClicks = new HashMap<>();
            s.createSelectionQuery("from FeedbackRecord f where f.eventType = 'email_click' and f.sendId in "
                            + "(select r.idempotencyKey from SendRecord r where r.ruleId = :rule)", FeedbackRecord.class)
                    .setParameter("rule", trigger.id()).getResultList()
                    .forEach(f -> firstClicks.merge(f.sendId, f.occurredAt, (a, b) -> a.isBefore(b) ? a : b));
            Map<String, Double> weights = new HashMap<>();
            trigger.variants().stream().filter(v -> !v.holdout()).forEach(v -> weights.put(v.id(), (double) v.weight()));
            List<LoggedDecision> log = new ArrayList<>();
            for (SendRecord r : sends) {
                LoggedDecision d = SendLog.of(decision(r), weights.keySet(), weights,
                        firstClicks.get(r.idempotencyKey), window);
                if (d != null) {
                    log.add(d);
                }
            }
            if (log.size() < 2) {
                return null;
            }
            Map<String, OffPolicyEstimate> estimates = new LinkedHashMap<>();
            for (Variant v : trigger.variants()) {
                if (!v.holdout()) {
                    estimates.put(v.id(), OffPolicyEstimate.of(log, CandidatePolicy.always(v.id()), confidence));
                }
            }
            double logged = log.stream().mapToDouble(LoggedDecision::reward).average().orElse(0);
            return new Report(trigger.experimentId(), trigger.id(), window, log.size(), sends.size() - log.size(),
                    logged, estimates);
        });
    }

    private static EmailDecision decision(SendRecord r) {
        return new EmailDecision(r.idempotencyKey, r.ruleId, r.customerId, r.templateId, r.variant, r.sendAt, null,
                null, Explanations.parse(r.explanation));
    }
}
