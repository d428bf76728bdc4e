package dev.triggerforge.server.campaigns;

import dev.triggerforge.model.decision.EmailDecision;
import dev.triggerforge.model.event.CustomerEvent;
import dev.triggerforge.model.report.RuleKpi;
import dev.triggerforge.rules.experiment.CampaignKpis;
import dev.triggerforge.rules.experiment.Distributions;
import dev.triggerforge.server.feedback.Feedback;
import dev.triggerforge.server.feedback.FeedbackRecord;
import dev.triggerforge.server.sends.SendRecord;
import dev.triggerforge.server.store.Database;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.commons.math3.stat.descriptive.DescriptiveStatistics;
import org.hibernate.Session;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Campaign KPIs per rule over a period, from the outbox and the stored feedback, attributed exactly as experiments
 * are; and the batch baselines marketers record to compare with.
 */
@ApplicationScoped
public class CampaignReports {

    private final Database database;

    CampaignReports(Database database) {
        this.database = database;
    }

    /** Every rule that sent in {@code [from, to)}, or only {@code ruleId} when given. */
    public List<CampaignKpi> kpis(Instant from, Instant to, String ruleId, Duration window, double confidence) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Session session = database.session();
            Map<String, List<SendRecord>> byRule = new TreeMap<>();
            var query = session.createSelectionQuery("from SendRecord s where s.sendAt >= :from and s.sendAt < :to"
                            + (ruleId == null ? "" : " and s.ruleId = :rule") + " order by s.sendAt", SendRecord.class)
                    .setParameter("from", from).setParameter("to", to);
            if (ruleId != null) {
                query.setParameter("rule", ruleId);
            }
            query.getResultList().forEach(s -> byRule.computeIfAbsent(s.ruleId, r -> new ArrayList<>()).add(s));
            if (byRule.isEmpty()) {
                return List.of();
            }
            List<CustomerEvent> feedback = session.createSelectionQuery("from FeedbackRecord f "
                            + "where f.occurredAt >= :from and f.occurredAt <= :to order by f.occurredAt, f.eventId",
                            FeedbackRecord.class)
                    .setParameter("from", from).setParameter("to", to.plus(window)).getResultList().stream()
                    .map(Feedback::event).toList();
            List<CampaignKpi> kpis = new ArrayList<>();
            byRule.forEach((rule, sends) -> {
                RuleKpi kpi = CampaignKpis.compute(rule, sends.stream().map(CampaignReports::decision).toList(),
                        feedback, window, confidence);
                DescriptiveStatistics latency = new DescriptiveStatistics();
                sends.stream().filter(s -> s.sentAt != null)
                        .forEach(s -> latency.addValue(Duration.between(s.sendAt, s.sentAt).toMillis() / 1000.0));
                BaselineComparison baseline = latestBaseline(session, rule)
                        .map(b -> BaselineComparison.of(b, kpi, confidence)).orElse(null);
                kpis.add(new CampaignKpi(from, to, kpi, Distributions.of(latency), baseline));
            });
            return kpis;
        });
    }

    public Baseline record(Baseline b, String actor) {
        return QuarkusTransaction.requiringNew().call(() -> {
            BaselineRecord r = new BaselineRecord();
            r.ruleId = b.ruleId();
            r.label = b.label();
            r.periodFrom = b.from();
            r.periodTo = b.to();
            r.recipients = b.recipients();
            r.opens = b.opens();
            r.clicks = b.clicks();
            r.conversions = b.conversions();
            r.revenue = b.revenue();
            r.recordedAt = Instant.now();
            r.recordedBy = actor;
            database.session().persist(r);
            return Baseline.of(r);
        });
    }

    public List<Baseline> baselines(String ruleId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            var query = database.session().createSelectionQuery("from BaselineRecord b"
                            + (ruleId == null ? "" : " where b.ruleId = :rule")
                            + " order by b.periodTo desc, b.baselineId desc", BaselineRecord.class);
            if (ruleId != null) {
                query.setParameter("rule", ruleId);
            }
            return query.getResultList().stream().map(Baseline::of).toList();
        });
    }

    private static Optional<Baseline> latestBaseline(Session session, String ruleId) {
        return session.createSelectionQuery("from BaselineRecord b where b.ruleId = :rule "
                        + "order by b.periodTo desc, b.baselineId desc", BaselineRecord.class)
                .setParameter("rule", ruleId).setMaxResults(1).getResultList().stream().findFirst().map(Baseline::of);
    }

    private static EmailDecision decision(SendRecord s) {
        return new EmailDecision(s.idempotencyKey, s.ruleId, s.customerId, s.templateId, s.variant, s.sendAt,
                Map.of(), List.of());
    }
}
