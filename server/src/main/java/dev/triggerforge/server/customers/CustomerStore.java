package dev.triggerforge.server.customers;

import dev.triggerforge.model.decision.Explanation;
import dev.triggerforge.model.report.TimelineEntry;
import dev.triggerforge.rules.optimization.Explanations;
import dev.triggerforge.server.events.StoredEvent;
import dev.triggerforge.server.sends.SendRecord;
import dev.triggerforge.server.sends.SendStatus;
import dev.triggerforge.server.sends.SuppressionRecord;
import dev.triggerforge.server.store.Database;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.Session;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Reads customers back from the store: their profile, and everything that happened to them in time order. */
@ApplicationScoped
public class CustomerStore {

    private static final int TIMELINE_LIMIT = 1000;

    private final Database database;

    CustomerStore(Database database) {
        this.database = database;
    }

    public Optional<StoredProfile> find(String customerId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            CustomerRecord r = database.session().find(CustomerRecord.class, customerId);
            return r == null ? Optional.empty() : Optional.of(new StoredProfile(r.profile(), r.version, r.updatedAt));
        });
    }

    public List<TimelineEntry> timeline(String customerId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Session s = database.session();
            List<TimelineEntry> entries = new ArrayList<>();
            for (StoredEvent e : byCustomer(s, "from StoredEvent e where e.customerId = :c order by e.occurredAt",
                    StoredEvent.class, customerId)) {
                entries.add(new TimelineEntry(e.occurredAt, "event", e.type, null,
                        "late".equals(e.outcome) ? "arrived too late to trigger" : null, e.eventId));
            }
            for (SendRecord r : byCustomer(s, "from SendRecord r where r.customerId = :c order by r.decidedAt",
                    SendRecord.class, customerId)) {
                Explanation why = Explanations.parse(r.explanation);
                entries.add(new TimelineEntry(r.decidedAt, "decision", "send " + r.templateId
                        + (r.variant == null ? "" : " (variant " + r.variant + ")"), r.ruleId,
                        "due " + r.sendAt + ", key " + r.idempotencyKey + Explanations.summary(why),
                        first(r.causedBy), why));
                if (r.sentAt != null || "failed".equals(r.status)) {
                    entries.add(new TimelineEntry(r.sentAt != null ? r.sentAt : r.nextAttemptAt, "send", r.status,
                            r.ruleId, r.lastError != null ? r.lastError : "via " + r.provider, null));
                } else if (SendStatus.SUPPRESSED.code().equals(r.status)) {
                    entries.add(new TimelineEntry(r.nextAttemptAt, "suppressed", r.reason, r.ruleId,
                            "at send time" + (r.enrichment == null ? "" : " (" + r.enrichment + ")"), null));
                }
            }
            for (SuppressionRecord r : byCustomer(s, "from SuppressionRecord r where r.customerId = :c order by r.at",
                    SuppressionRecord.class, customerId)) {
                entries.add(new TimelineEntry(r.at, "suppressed", r.reason, r.ruleId, r.detail, first(r.causedBy)));
            }
            entries.sort(Comparator.comparing(TimelineEntry::at));
            return entries;
        });
    }

    private static <T> List<T> byCustomer(Session s, String query, Class<T> type, String customerId) {
        return s.createSelectionQuery(query, type).setParameter("c", customerId).setMaxResults(TIMELINE_LIMIT)
                .getResultList();
    }

    private static String first(String causedBy) {
        if (causedBy == null || causedBy.isEmpty()) {
            return null;
        }
        int comma = causedBy.indexOf(',');
        return comma < 0 ? causedBy : causedBy.substring(0, comma);
    }
}
