package dev.triggerforge.rules.state;

import dev.triggerforge.model.event.CustomerEvent;

import java.util.Arrays;

/**
 * The recent occurrences of a repeated entry event for one trigger and subject (e.g. views of one sku), kept as a
 * few timestamps rather than as events, so "the third view within 24 hours" costs a few dozen bytes per product.
 * Only the newest event is kept whole, because the email shows what it carried.
 */
public final class Streak {

    private final String triggerId;
    private final String subject;
    private final long within;
    private final long[] times;
    private final String[] eventIds;
    private int size;
    private CustomerEvent latest;
    private long latestAt;
    private long expiresAt;

    public Streak(String triggerId, String subject, int count, long within) {
        this.triggerId = triggerId;
        this.subject = subject;
        this.within = within;
        this.times = new long[count];
        this.eventIds = new String[count];
    }

    /** Records one occurrence, keeping the newest {@code count} in time order; {@code now} bounds the expiry timer. */
    public void record(CustomerEvent event, long at, long now) {
        if (size == times.length) {
            if (at <= times[0]) {
                return;
            }
            System.arraycopy(times, 1, times, 0, size - 1);
            System.arraycopy(eventIds, 1, eventIds, 0, size - 1);
            size--;
        }
        int i = size;
        while (i > 0 && times[i - 1] > at) {
            times[i] = times[i - 1];
            eventIds[i] = eventIds[i - 1];
            i--;
        }
        times[i] = at;
        eventIds[i] = event.eventId();
        size++;
        if (latest == null || at >= latestAt) {
            latest = event;
            latestAt = at;
        }
        expiresAt = Math.max(times[size - 1] + within, now);
    }

    /** Whether the streak holds {@code count} occurrences within the window. */
    public boolean isComplete() {
        return size == times.length && times[size - 1] - times[0] <= within;
    }

    public String getTriggerId() {
        return triggerId;
    }

    public String getSubject() {
        return subject;
    }

    /** The newest event of the streak: the one that completed it, whose data the email shows. */
    public CustomerEvent getLatest() {
        return latest;
    }

    public long getLatestAt() {
        return latestAt;
    }

    /** Event ids of the occurrences, oldest first. */
    public java.util.List<String> getEventIds() {
        return Arrays.asList(Arrays.copyOf(eventIds, size));
    }

    public long getExpiresAt() {
        return expiresAt;
    }

    @Override
    public String toString() {
        return "Streak[" + triggerId + " " + subject + ", " + size + "/" + times.length + "]";
    }
}
