package dev.triggerforge.server.experiments;

import dev.triggerforge.model.decision.EmailDecision;
import dev.triggerforge.model.decision.Suppression;
import dev.triggerforge.model.decision.SuppressionReason;
import dev.triggerforge.model.event.CustomerEvent;
import dev.triggerforge.model.report.ExperimentResult;
import dev.triggerforge.model.trigger.TriggerSpec;
import dev.triggerforge.rules.experiment.ExperimentAnalyzer;
import dev.triggerforge.server.feedback.Feedback;
import dev.triggerforge.server.feedback.FeedbackRecord;
import dev.triggerforge.server.sends.SendRecord;
import dev.triggerforge.server.sends.SuppressionRecord;
import dev.triggerforge.server.store.Database;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.Session;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Gathers an experiment's exposures and feedback from the store and measures them with the same analyzer the
 * simulator uses, so the same events give the same numbers in both. An exposure belongs to the experiment when its
 * customer is assigned in it and it happened at or after that assignment, with the assigned variant.
 */
@ApplicationScoped
public class ExperimentData {

    private final Database database;

    ExperimentData(Database database) {
        this.database = database;
    }

    public ExperimentResult measure(String experimentId, ExperimentDefinition definition) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Session session = database.session();
            Map<String, Assignment> assigned = new HashMap<>();
            session.createSelectionQuery("from Assignment a where a.experimentId = :e", Assignment.class)
                    .setParameter("e", experimentId).getResultList()
                    .forEach(a -> assigned.put(a.customerId, a));
            TriggerSpec trigger = definition.trigger();
            Instant from = assigned.values().stream().map(a -> a.assignedAt).min(Instant::compareTo)
                    .orElse(Instant.now());
            List<EmailDecision> sends = sends(session, trigger.id(), from, assigned);
            List<Suppression> holdouts = holdouts(session, trigger.id(), from, assigned);
            List<Instant> exposed = exposureTimes(sends, holdouts);
            List<CustomerEvent> feedback = exposed.isEmpty() ? List.of() : feedback(session, exposed.get(0),
                    exposed.get(exposed.size() - 1).plus(definition.settings().attributionWindow()), assigned);
            return new ExperimentAnalyzer(definition.settings()).analyze(trigger, sends, holdouts, feedback);
        });
    }

    private static List<EmailDecision> sends(Session session, String ruleId, Instant from,
                                             Map<String, Assignment> assigned) {
        List<EmailDecision> sends = new ArrayList<>();
        session.createSelectionQuery("from SendRecord s where s.ruleId = :rule and s.variant is not null "
                        + "and s.decidedAt >= :from order by s.decidedAt", SendRecord.class)
                .setParameter("rule", ruleId).setParameter("from", from).getResultList()
                .forEach(s -> {
                    Assignment a = assigned.get(s.customerId);
                    if (a != null && a.variant.equals(s.variant) && !s.decidedAt.isBefore(a.assignedAt)) {
                        sends.add(new EmailDecision(s.idempotencyKey, s.ruleId, s.customerId, s.templateId,
                                s.variant, s.sendAt, Map.of(), causes(s.causedBy)));
                    }
                });
        return sends;
    }

    private static List<Suppression> holdouts(Session session, String ruleId, Instant from,
                                              Map<String, Assignment> assigned) {
        List<Suppression> holdouts = new ArrayList<>();
        session.createSelectionQuery("from SuppressionRecord s where s.ruleId = :rule and s.reason = :reason "
                        + "and s.at >= :from order by s.at", SuppressionRecord.class)
                .setParameter("rule", ruleId).setParameter("reason", SuppressionReason.HOLDOUT.wireName())
                .setParameter("from", from).getResultList()
                .forEach(s -> {
                    Assignment a = assigned.get(s.customerId);
                    if (a != null && !s.at.isBefore(a.assignedAt)) {
                        holdouts.add(new Suppression(s.ruleId, s.customerId, s.at, SuppressionReason.HOLDOUT,
                                s.detail, causes(s.causedBy)));
                    }
                });
        return holdouts;
    }

    private static List<CustomerEvent> feedback(Session session, Instant from, Instant to,
                                                Map<String, Assignment> assigned) {
        List<CustomerEvent> events = new ArrayList<>();
        session.createSelectionQuery("from FeedbackRecord f where f.occurredAt >= :from and f.occurredAt <= :to "
                        + "order by f.occurredAt, f.eventId", FeedbackRecord.class)
                .setParameter("from", from).setParameter("to", to).getResultList()
                .forEach(f -> {
                    if (assigned.containsKey(f.customerId)) {
                        events.add(Feedback.event(f));
                    }
                });
        return events;
    }

    /** When the exposures happened in event time, in order: feedback is looked for from the first on. */
    private static List<Instant> exposureTimes(List<EmailDecision> sends, List<Suppression> holdouts) {
        List<Instant> times = new ArrayList<>(sends.size() + holdouts.size());
        sends.forEach(d -> times.add(d.sendAt()));
        holdouts.forEach(s -> times.add(s.at()));
        times.sort(null);
        return times;
    }

    private static List<String> causes(String causedBy) {
        return causedBy == null || causedBy.isEmpty() ? List.of() : Arrays.asList(causedBy.split(","));
    }
}
