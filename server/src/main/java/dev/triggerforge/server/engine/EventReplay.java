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
import dev.triggerforge.server.store.PaddedInList;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.ScrollMode;
import org.hibernate.ScrollableResults;
import org.hibernate.StatelessSession;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Reads back what a partition needs to rebuild its session: the stored profiles and events of its customers, in the
 * order they were processed. Customers are matched by hash (an anonymous visitor linked to a customer as that
 * customer), so a changed partition count still finds every one; in cluster mode, where the broker places customers,
 * by the partition stored with their events.
 */
@ApplicationScoped
public class EventReplay {

    private static final List<String> READING_TYPES = List.of(EventType.EMAIL_DELIVERED.name(),
            EventType.EMAIL_OPEN.name(), EventType.EMAIL_CLICK.name());

    private final Database database;

    EventReplay(Database database) {
        this.database = database;
    }

    /**
     * Which customers a partition rebuilds: those whose id hashes to it, or in cluster mode ({@code byQueue}) those
     * whose events were stored by it.
     */
    record Selection(int partition, int partitions, Map<String, String> aliases, boolean byQueue) {

        boolean holds(String customerId) {
            return Partitioning.partitionOf(aliases.getOrDefault(customerId, customerId), partitions) == partition;
        }
    }

    private static final String STORED_HERE =
            "(select s.customerId from StoredEvent s where s.partitionNo = :partition)";

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

    List<CustomerProfile> profiles(Selection mine) {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<CustomerProfile> profiles = new ArrayList<>();
            StatelessSession session = database.statelessSession();
            var query = mine.byQueue()
                    ? session.createSelectionQuery("from CustomerRecord r where r.customerId in " + STORED_HERE,
                    CustomerRecord.class).setParameter("partition", mine.partition())
                    : session.createSelectionQuery("from CustomerRecord", CustomerRecord.class);
            try (ScrollableResults<CustomerRecord> rows = query.setFetchSize(1000).scroll(ScrollMode.FORWARD_ONLY)) {
                while (rows.next()) {
                    CustomerRecord r = rows.get();
                    if (mine.byQueue() || mine.holds(r.customerId)) {
                        profiles.add(r.profile());
                    }
                }
            }
            return profiles;
        });
    }

    /**
     * The stored profiles of these customers, those that have one. A partition asks on its hot path, so this reads
     * with plain JDBC outside a transaction, with the list of ids padded to a power of two so that a few statements
     * cover every size.
     */
    List<CustomerProfile> profilesOf(Collection<String> customerIds) {
        List<CustomerProfile> found = new ArrayList<>();
        try (Connection connection = database.dataSource().getConnection()) {
            PaddedInList.select(connection, "select customer_id, body from customer_profiles where customer_id in (?)",
                    customerIds, row -> found.add(CustomerRecord.profileOf(row.getString(1), row.getString(2))));
        } catch (SQLException e) {
            throw new IllegalStateException("profiles of " + customerIds.size() + " customers not read: "
                    + e.getMessage(), e);
        }
        return found;
    }

    /** Cluster mode: the partition that last stored an event of the customer, if any did. */
    java.util.OptionalInt partitionOfCustomer(String customerId) {
        List<Integer> found = QuarkusTransaction.requiringNew().call(() -> database.session()
                .createSelectionQuery("select e.partitionNo from StoredEvent e where e.customerId = :id "
                        + "order by e.seq desc", Integer.class)
                .setParameter("id", customerId).setMaxResults(1).getResultList());
        return found.isEmpty() ? java.util.OptionalInt.empty() : java.util.OptionalInt.of(found.get(0));
    }

    /**
     * The partition's kept deliveries, opens and clicks since {@code since}, oldest first, as events: what the
     * send-time model learns reading hours from.
     */
    void readingFeedback(Selection mine, Instant since, Consumer<CustomerEvent> each) {
        QuarkusTransaction.requiringNew().run(() -> {
            StatelessSession session = database.statelessSession();
            var query = session.createSelectionQuery("from FeedbackRecord f where f.occurredAt >= :since and "
                    + "f.eventType in :types" + (mine.byQueue() ? " and f.customerId in " + STORED_HERE : "")
                    + " order by f.occurredAt, f.eventId", FeedbackRecord.class)
                    .setParameter("since", since).setParameter("types", READING_TYPES);
            if (mine.byQueue()) {
                query.setParameter("partition", mine.partition());
            }
            try (ScrollableResults<FeedbackRecord> rows = query.setFetchSize(1000).scroll(ScrollMode.FORWARD_ONLY)) {
                while (rows.next()) {
                    FeedbackRecord f = rows.get();
                    String customer = mine.aliases().getOrDefault(f.customerId, f.customerId);
                    if (mine.byQueue() || mine.holds(customer)) {
                        each.accept(new CustomerEvent(f.eventId, customer, EventType.of(f.eventType), f.occurredAt,
                                Map.of()));
                    }
                }
            }
        });
    }

    void events(Selection mine, Instant since, Consumer<StoredEvent> each) {
        QuarkusTransaction.requiringNew().run(() -> {
            StatelessSession session = database.statelessSession();
            var query = session.createSelectionQuery("from StoredEvent e where e.receivedAt >= :since"
                    + (mine.byQueue() ? " and e.partitionNo = :partition" : "") + " order by e.seq", StoredEvent.class)
                    .setParameter("since", since);
            if (mine.byQueue()) {
                query.setParameter("partition", mine.partition());
            }
            try (ScrollableResults<StoredEvent> rows = query.setFetchSize(1000).scroll(ScrollMode.FORWARD_ONLY)) {
                while (rows.next()) {
                    StoredEvent e = rows.get();
                    if (mine.byQueue() || mine.holds(e.customerId)) {
                        each.accept(e);
                    }
                }
            }
        });
    }
}
