package dev.triggerforge.rules.session;

import it.unimi.dsi.fastutil.longs.Long2LongOpenHashMap;

/**
 * The event ids a session has seen within the lateness tolerance, so a redelivered event is ignored. Ids are kept
 * as 64-bit hashes with their event time (about 20 bytes each instead of a string); anything older than the
 * tolerance would be rejected as late anyway, so it can be forgotten.
 */
final class RecentEventIds {

    private final Long2LongOpenHashMap seen = new Long2LongOpenHashMap();
    private final long windowMillis;
    private long nextSweepAt = Long.MIN_VALUE;

    RecentEventIds(long windowMillis) {
        this.windowMillis = windowMillis;
    }

    /** Records the id; returns false when it was already seen. */
    boolean add(String eventId, long occurredAt) {
        long key = StableHash.of(eventId);
        if (seen.containsKey(key)) {
            return false;
        }
        seen.put(key, occurredAt);
        return true;
    }

    /** Forgets ids older than the window, at most every quarter window of clock time. */
    void sweep(long now) {
        if (now < nextSweepAt) {
            return;
        }
        nextSweepAt = now + Math.max(1, windowMillis / 4);
        long oldest = now - windowMillis;
        seen.long2LongEntrySet().removeIf(e -> e.getLongValue() < oldest);
        seen.trim();
    }
}
