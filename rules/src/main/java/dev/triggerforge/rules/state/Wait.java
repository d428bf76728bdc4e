package dev.triggerforge.rules.state;

import dev.triggerforge.model.decision.Explanation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A trigger that has started for one customer and subject and is waiting for its time. Its due time follows event
 * time; {@code fireAt} is the due time but never earlier than the clock when it was set (a late event whose wait is
 * already over fires at once), and it moves to the end of quiet hours when the due time falls inside them, so
 * cancelling events still apply meanwhile.
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
    private final Map<String, Object> subjectVariables;
    private final List<String> causedBy;
    private long lastActivityAt;
    private long dueAt;
    private long fireAt;
    private boolean over;
    private Explanation explanation = Explanation.NONE;
    private boolean timed;

    /**
     * @param subjectVariables what the email shows about the subject, captured at the start (product, order);
     *                         empty when it is read at send time (cart) or there is none (customer)
     */
    public Wait(String triggerId, String customerId, String subject, String variant, long waitMillis,
                String entryEventId, List<String> causes, Map<String, Object> subjectVariables, long startedAt,
                long now) {
        this.triggerId = triggerId;
        this.customerId = customerId;
        this.subject = subject;
        this.variant = variant;
        this.waitMillis = waitMillis;
        this.startedAt = startedAt;
        this.entryEventId = entryEventId;
        this.subjectVariables = subjectVariables;
        this.causedBy = new ArrayList<>(causes);
        this.lastActivityAt = startedAt;
        schedule(now);
    }

    /** Starts the wait over from a later event; returns false (and changes nothing) for an older one. */
    public boolean restart(String eventId, long at, long now) {
        if (at <= lastActivityAt) {
            return false;
        }
        lastActivityAt = at;
        timed = false;
        if (causedBy.size() < MAX_CAUSES) {
            causedBy.add(eventId);
        } else {
            causedBy.set(MAX_CAUSES - 1, eventId);
        }
        schedule(now);
        return true;
    }

    /**
     * The same wait for another customer id (a visitor who turned out to be a known customer): same trigger, subject,
     * variant, causes and due time, rescheduled against {@code now}.
     */
    public Wait movedTo(String newCustomerId, long now) {
        Wait moved = new Wait(triggerId, newCustomerId, subject, variant, waitMillis, entryEventId, causedBy,
                subjectVariables, startedAt, now);
        moved.lastActivityAt = lastActivityAt;
        moved.explanation = explanation;
        moved.schedule(now);
        return moved;
    }

    /** Recomputes the fire time from event time and the clock. */
    public void schedule(long now) {
        dueAt = lastActivityAt + waitMillis;
        fireAt = Math.max(dueAt, now);
    }

    /** Keeps the wait alive past its due time until quiet hours end. */
    public void deferTo(long until) {
        fireAt = until;
    }

    /** Why a model chose this wait's variant and, once chosen, its send time. */
    public Explanation getExplanation() {
        return explanation;
    }

    public void explain(Explanation why) {
        this.explanation = why;
    }

    /** Whether its send time has been chosen since it last became due; a restart makes it choose again. */
    public boolean isTimed() {
        return timed;
    }

    /** Records the chosen send time and waits for it. */
    public void timeTo(long at, Explanation why) {
        this.explanation = why;
        this.timed = true;
        this.fireAt = Math.max(fireAt, at);
    }

    /** Marks the wait cancelled or fired; its queued timer entries become stale. */
    public void end() {
        over = true;
    }

    public boolean isOver() {
        return over;
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

    /** Whether the wait is about the product, order or cart with this id. */
    public boolean isAbout(String value) {
        return Subjects.hasValue(subject, value);
    }

    public String getVariant() {
        return variant;
    }

    public long getStartedAt() {
        return startedAt;
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

    public Map<String, Object> getSubjectVariables() {
        return subjectVariables;
    }

    public List<String> getCausedBy() {
        return List.copyOf(causedBy);
    }

    @Override
    public String toString() {
        return "Wait[" + triggerId + " " + subject + " of " + customerId + " due " + dueAt + "]";
    }
}
