package dev.triggerforge.server.delivery;

import dev.triggerforge.server.delivery.provider.DeliveryReceipt;
import dev.triggerforge.server.sends.SendRecord;
import dev.triggerforge.server.sends.SendStatus;
import dev.triggerforge.server.store.Database;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceException;
import org.hibernate.query.MutationQuery;
import org.hibernate.query.SelectionQuery;
import org.jboss.logging.Logger;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The dispatcher's short transactions on the outbox, so rows are claimed under a lease with SKIP LOCKED (several
 * servers share one PostgreSQL without waiting on each other) and outcomes are written back only while that lease
 * holds.
 */
@ApplicationScoped
public class Outbox {

    private static final Logger LOG = Logger.getLogger(Outbox.class);
    private static final String LOCK_TIMEOUT = "jakarta.persistence.lock.timeout";
    /** Hibernate's lock timeout meaning SKIP LOCKED. */
    private static final int SKIP_LOCKED = -2;
    private static final int MAX_ERROR = 2000;
    private static final int MAX_NOTE = 300;
    private static final String SCHEDULED = SendStatus.SCHEDULED.code();

    private final Database database;
    private volatile boolean skipLocked = true;

    Outbox(Database database) {
        this.database = database;
    }

    /**
     * Claims up to {@code limit} due rows, oldest first: each gets {@code nextAttemptAt = now + lease} and one more
     * attempt. Falls back to plain row locks, once and for good, if the database rejects SKIP LOCKED.
     */
    public List<ClaimedSend> claim(int limit, Duration lease) {
        if (skipLocked) {
            try {
                return claim(limit, lease, true);
            } catch (PersistenceException e) {
                if (!rejectedSql(e)) {
                    throw e;
                }
                skipLocked = false;
                LOG.warnf("The database rejected SELECT ... SKIP LOCKED (%s); claiming with plain row locks, which"
                        + " makes several dispatchers wait on each other", e.getMessage());
            }
        }
        return claim(limit, lease, false);
    }

    /** Whether claims still use SKIP LOCKED, i.e. the database has not rejected it. */
    public boolean usesSkipLocked() {
        return skipLocked;
    }

    private List<ClaimedSend> claim(int limit, Duration lease, boolean skip) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Instant now = Instant.now();
            SelectionQuery<SendRecord> query = database.session().createSelectionQuery(
                            "from SendRecord where status = :status and nextAttemptAt <= :now"
                                    + " order by nextAttemptAt, idempotencyKey", SendRecord.class)
                    .setParameter("status", SCHEDULED)
                    .setParameter("now", now)
                    .setMaxResults(limit)
                    .setLockMode(LockModeType.PESSIMISTIC_WRITE);
            if (skip) {
                query.setHint(LOCK_TIMEOUT, SKIP_LOCKED);
            }
            List<SendRecord> rows = query.getResultList();
            Instant until = now.plus(lease);
            for (SendRecord row : rows) {
                row.attempts++;
                row.nextAttemptAt = until;
            }
            return rows.stream().map(ClaimedSend::of).toList();
        });
    }

    /** How long the oldest due row has been waiting; empty when none is due. */
    public Optional<Duration> lag() {
        Instant now = Instant.now();
        Instant oldest = QuarkusTransaction.requiringNew().call(() -> database.session()
                .createSelectionQuery("select min(nextAttemptAt) from SendRecord"
                        + " where status = :status and nextAttemptAt <= :now", Instant.class)
                .setParameter("status", SCHEDULED)
                .setParameter("now", now)
                .getSingleResultOrNull());
        return Optional.ofNullable(oldest).map(o -> Duration.between(o, now));
    }

    public boolean markSent(ClaimedSend send, DeliveryReceipt receipt) {
        return update(send, "status = :sent, sentAt = :now, provider = :provider, providerMessageId = :messageId,"
                + " lastError = null", q -> q
                .setParameter("sent", SendStatus.SENT.code())
                .setParameter("now", Instant.now())
                .setParameter("provider", receipt.provider())
                .setParameter("messageId", receipt.providerMessageId()));
    }

    /** Leaves the row scheduled for another attempt at {@code at}, remembering why this one failed. */
    public boolean reschedule(ClaimedSend send, Instant at, String reason) {
        return update(send, "nextAttemptAt = :at, lastError = :reason", q -> q
                .setParameter("at", at)
                .setParameter("reason", truncate(reason)));
    }

    /** Gives the row up for good; {@code reason} is what a user reads. */
    public boolean markFailed(ClaimedSend send, String reason) {
        return update(send, "status = :failed, lastError = :reason", q -> q
                .setParameter("failed", SendStatus.FAILED.code())
                .setParameter("reason", truncate(reason)));
    }

    /**
     * Holds the row back for good without sending it, with a reason a user reads (e.g. {@code out_of_stock});
     * {@code nextAttemptAt} becomes the time it was held back.
     */
    public boolean markSuppressed(ClaimedSend send, String reason) {
        return update(send, "status = :suppressed, reason = :reason, nextAttemptAt = :now, lastError = null", q -> q
                .setParameter("suppressed", SendStatus.SUPPRESSED.code())
                .setParameter("reason", reason)
                .setParameter("now", Instant.now()));
    }

    /** Remembers where the stock and prices of this attempt came from, shown with the send. */
    public boolean recordEnrichment(ClaimedSend send, String note) {
        return update(send, "enrichment = :note", q -> q.setParameter("note", truncate(note, MAX_NOTE)));
    }

    /** Hands the row back untried: the attempt it was claimed for does not count. */
    public boolean release(ClaimedSend send, Instant at) {
        return update(send, "nextAttemptAt = :at, attempts = attempts - 1", q -> q.setParameter("at", at));
    }

    /** Applies the assignments if the lease is still ours: same key, still scheduled, same attempt count. */
    private boolean update(ClaimedSend send, String assignments,
                           UnaryOperator<MutationQuery> parameters) {
        int updated = QuarkusTransaction.requiringNew().call(() -> parameters.apply(database.session()
                        .createMutationQuery("update SendRecord set " + assignments
                                + " where idempotencyKey = :key and status = :scheduled and attempts = :attempts"))
                .setParameter("key", send.idempotencyKey())
                .setParameter("scheduled", SCHEDULED)
                .setParameter("attempts", send.attempts())
                .executeUpdate());
        if (updated == 0) {
            LOG.warnf("Lease on send %s (attempt %d) was lost before its outcome was written; another dispatcher"
                    + " took it over", send.idempotencyKey(), send.attempts());
        }
        return updated == 1;
    }

    private static boolean rejectedSql(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("42") || sql.getSQLState().startsWith("0A"))) {
                return true;
            }
        }
        return false;
    }

    private static String truncate(String reason) {
        return truncate(reason, MAX_ERROR);
    }

    private static String truncate(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 3) + "...";
    }
}
