package dev.triggerforge.rules.fact;

import dev.triggerforge.model.event.CustomerEvent;

import java.util.ArrayList;
import java.util.List;

/**
 * A trigger that has started for one customer and subject and is waiting for its time. Its due time follows event
 * time; {@code fireAt} is the due time but never earlier than the session clock when it was set, because the timer
 * that fires it cannot start in the past (a late event whose wait is already over fires at once), and it moves to
 * the end of quiet hours when the due time falls inside them.
 */
public final class Wait {

    private static final int MAX_CAUSES = 8;

    private final String triggerId;
    private final String customerId;
    private final String subject;
    private final String variant;
    private final long waitMillis;
    private final long startedAt;
    private final String entryEventId;
    private final CustomerEvent entry;
    private final List<String> causedBy = new ArrayList<>(2);
    private long lastActivityAt;
    private long dueAt;
    private long fireAt;

    public Wait(String triggerId, String customerId, String subject, String variant, long waitMillis,
                CustomerEvent entry, List<String> causes, long startedAt, long now) {
        this.triggerId = triggerId;
        this.customerId = customerId;
        this.subject = subject;
        this.variant = variant;
        this.waitMillis = waitMillis;
        this.startedAt = startedAt;
        this.entry = entry;
        this.entryEventId = entry.eventId();
        this.causedBy.addAll(causes);
        this.lastActivityAt = startedAt;
        schedule(now);
    }

    /** Starts the wait over from a later event; an event older than the last activity changes nothing. */
    public void restart(EventFact fact, long now) {
        if (fact.getTimestamp() <= lastActivityAt) {
            return;
        }
        lastActivityAt = fact.getTimestamp();
        if (causedBy.size() < MAX_CAUSES) {
            causedBy.add(fact.getEventId());
        } else {
            causedBy.set(MAX_CAUSES - 1, fact.getEventId());
        }
        schedule(now);
    }

    /** Recomputes the timer start from event time and the clock, e.g. when the wait is re-inserted into a session. */
    public void schedule(long now) {
        dueAt = lastActivityAt + waitMillis;
        fireAt = Math.max(dueAt, now);
    }

    /** Keeps the wait alive past its due time until quiet hours end, so cancelling events still apply meanwhile. */
    public void deferTo(long until) {
        fireAt = until;
    }

    public String getTriggerId() {
        return triggerId;
    }

    public String getCustomerId() {
        return customerId;
    }

    public String getSubject() {
        return subject;
    }

    /** The sku, order id or cart id this wait is about. */
    public String getSubjectValue() {
        return Subjects.value(subject);
    }

    public String getVariant() {
        return variant;
    }

    public long getStartedAt() {
        return startedAt;
    }

    public long getLastActivityAt() {
        return lastActivityAt;
    }

    public long getDueAt() {
        return dueAt;
    }

    public long getFireAt() {
        return fireAt;
    }

    public String getEntryEventId() {
        return entryEventId;
    }

    /** The event that started the wait, whose data the email may show. */
    public CustomerEvent getEntry() {
        return entry;
    }

    public List<String> getCausedBy() {
        return List.copyOf(causedBy);
    }

    @Override
    public String toString() {
        return "Wait[" + triggerId + " " + subject + " of " + customerId + " due " + dueAt + "]";
    }
}
