package dev.triggerforge.server.optimization;

import dev.triggerforge.model.optimization.PolicySnapshot;
import dev.triggerforge.model.trigger.TriggerSpec;
import dev.triggerforge.rules.optimization.OptimizationSettings;
import dev.triggerforge.rules.optimization.PolicyBuilder;
import dev.triggerforge.rules.optimization.ReadingHours;
import dev.triggerforge.server.feedback.FeedbackRecord;
import dev.triggerforge.server.sends.SendRecord;
import dev.triggerforge.server.sends.SendStatus;
import dev.triggerforge.server.store.Database;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.ScrollMode;
import org.hibernate.ScrollableResults;
import org.hibernate.StatelessSession;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Computes a learning period's policy from the store, with the same {@link PolicyBuilder} the simulator uses: the
 * adaptive experiments' sends and their first clicks, and the reading hours the partitions have learned.
 */
@ApplicationScoped
public class PolicyLearner {

    private static final List<String> NOT_EXPOSED = List.of(SendStatus.SUPPRESSED.code(), SendStatus.FAILED.code());

    private final Database database;

    PolicyLearner(Database database) {
        this.database = database;
    }

    /**
     * The policy of the period starting at {@code periodStart}.
     *
     * @param triggers     the active rule set's triggers; only adaptive ones are learned
     * @param readingHours opens, clicks and deliveries by local hour per send-time segment, summed over partitions
     */
    public PolicySnapshot learn(Instant periodStart, Map<String, TriggerSpec> triggers,
                                ReadingHours readingHours, OptimizationSettings settings) {
        PolicyBuilder builder = new PolicyBuilder(settings);
        builder.reading(readingHours);
        Map<String, String> experimentOfRule = new HashMap<>();
        triggers.values().stream().filter(TriggerSpec::isAdaptive)
                .forEach(t -> experimentOfRule.put(t.id(), t.experimentId()));
        if (!experimentOfRule.isEmpty()) {
            Instant ripe = periodStart.minus(settings.rewardWindow());
            QuarkusTransaction.requiringNew().run(() -> exposures(builder, experimentOfRule, ripe));
        }
        return builder.build(periodStart);
    }

    private void exposures(PolicyBuilder builder, Map<String, String> experimentOfRule, Instant ripe) {
        StatelessSession session = database.statelessSession();
        Instant oldest = session.createSelectionQuery("select min(s.sendAt) from SendRecord s where s.ruleId in :rules "
                        + "and s.segment is not null", Instant.class)
                .setParameter("rules", experimentOfRule.keySet()).getSingleResult();
        if (oldest == null) {
            return;
        }
        try (ScrollableResults<SendRecord> sends = session.createSelectionQuery(
                "from SendRecord s where s.ruleId in :rules and s.segment is not null and s.variant is not null "
                        + "and s.sendAt <= :ripe and s.status not in :notExposed", SendRecord.class)
                .setParameter("rules", experimentOfRule.keySet()).setParameter("ripe", ripe)
                .setParameter("notExposed", NOT_EXPOSED).setFetchSize(1000).scroll(ScrollMode.FORWARD_ONLY)) {
            while (sends.next()) {
                SendRecord s = sends.get();
                builder.exposure(new PolicyBuilder.Exposure(experimentOfRule.get(s.ruleId), s.variant, s.segment,
                        s.sendAt, s.idempotencyKey));
            }
        }
        try (ScrollableResults<FeedbackRecord> clicks = session.createSelectionQuery(
                "from FeedbackRecord f where f.eventType = 'email_click' and f.sendId is not null "
                        + "and f.occurredAt >= :oldest", FeedbackRecord.class)
                .setParameter("oldest", oldest).setFetchSize(1000).scroll(ScrollMode.FORWARD_ONLY)) {
            while (clicks.next()) {
                builder.click(clicks.get().sendId, clicks.get().occurredAt);
            }
        }
    }
}
