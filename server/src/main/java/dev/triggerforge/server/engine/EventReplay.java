package dev.triggerforge.server.engine;

import dev.triggerforge.model.event.CustomerEvent;
import dev.triggerforge.model.event.EventType;
import dev.triggerforge.model.profile.CustomerProfile;
import dev.triggerforge.rules.session.Partitioning;
import dev.triggerforge.server.customers.CustomerAlias;
import dev.triggerforge.server.customers.CustomerRecord;
import dev.triggerforge.server.events.StoredEvent;
import dev.triggerforge.server.feedback.FeedbackRecord;
import dev.triggerforge.server.store.Database;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.ScrollMode;
import org.hibernate.ScrollableResults;
import org.hibernate.StatelessSession;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Reads back what a partition needs to rebuild its session: the stored profiles and events of its customers, in the
 * order they were processed. Customers are matched by hash (an anonymous visitor linked to a customer as that
 * customer), so a changed partition count still finds every one.
 */
@ApplicationScoped
public class EventReplay {

    private static final List<String> READING_TYPES = List.of(EventType.EMAIL_DELIVERED.name(),
            EventType.EMAIL_OPEN.name(), EventType.EMAIL_CLICK.name());

    private final Database database;

    EventReplay(Database database) {
        this.database = database;
    }

    public long maxSequence() {
        Long max = QuarkusTransaction.requiringNew().call(() -> database.session()
                .createSelectionQuery("select max(e.seq) from StoredEvent e", Long.class).getSingleResult());
        return max == null ? 0 : max;
    }

    /** Every anonymous visitor id linked to a customer, to route and replay their events as the customer's. */
    public Map<String, String> aliases() {
        return QuarkusTransaction.requiringNew().call(() -> {
            Map<String, String> aliases = new HashMap<>();
            database.session().createSelectionQuery("from CustomerAlias", CustomerAlias.class).getResultList()
                    .forEach(a -> aliases.put(a.anonymousId, a.customerId));
            return aliases;
        });
    }

    List<CustomerProfile> profiles(int partition, int partitions, Map<String, String> aliases) {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<CustomerProfile> mine = new ArrayList<>();
            StatelessSession session = database.statelessSession();
            try (ScrollableResults<CustomerRecord> rows = session.createSelectionQuery("from CustomerRecord",
                    CustomerRecord.class).setFetchSize(1000).scroll(ScrollMode.FORWARD_ONLY)) {
                while (rows.next()) {
                    CustomerRecord r = rows.get();
                    if (Partitioning.partitionOf(aliases.getOrDefault(r.customerId, r.customerId), partitions)
                            == partition) {
                        mine.add(r.profile());
                    }
                }
            }
            return mine;
        });
    }

    /**
     * The partition's kept deliveries, opens and clicks since {@code since}, oldest first, as events: what the
     * send-time model learns reading hours from.
     */
    void readingFeedback(int partition, int partitions, Map<String, String> aliases, Instant since,
                         Consumer<CustomerEvent> each) {
        QuarkusTransaction.requiringNew().run(() -> {
            StatelessSession session = database.statelessSession();
            try (ScrollableResults<FeedbackRecord> rows = session.createSelectionQuery(
                    "from FeedbackRecord f where f.occurredAt >= :since and f.eventType in :types "
                            + "order by f.occurredAt, f.eventId", FeedbackRecord.class)
                    .setParameter("since", since).setParameter("types", READING_TYPES)
                    .setFetchSize(1000).scroll(ScrollMode.FORWARD_ONLY)) {
                while (rows.next()) {
                    FeedbackRecord f = rows.get();
                    String customer = aliases.getOrDefault(f.customerId, f.customerId);
                    if (Partitioning.partitionOf(customer, partitions) == partition) {
                        each.accept(new CustomerEvent(f.eventId, customer, EventType.of(f.eventType), f.occurredAt,
                                Map.of()));
                    }
                }
            }
        });
    }

    void events(int partition, int partitions, Map<String, String> aliases, Instant since,
                Consumer<StoredEvent> each) {
        QuarkusTransaction.requiringNew().run(() -> {
            StatelessSession session = database.statelessSession();
            try (ScrollableResults<StoredEvent> rows = session.createSelectionQuery(
                    "from StoredEvent e where e.receivedAt >= :since order by e.seq", StoredEvent.class)
                    .setParameter("since", since).setFetchSize(1000).scroll(ScrollMode.FORWARD_ONLY)) {
                while (rows.next()) {
                    StoredEvent e = rows.get();
                    if (Partitioning.partitionOf(aliases.getOrDefault(e.customerId, e.customerId), partitions)
                            == partition) {
                        each.accept(e);
                    }
                }
            }
        });
    }
}
