package dev.triggerforge.rules.state;

import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;

/**
 * The session's timer: waits ordered by fire time. A wait that is restarted or deferred is queued again and its old
 * entry goes stale, which is cheaper than removing it from the heap; stale entries are dropped when they come up.
 */
public final class WaitQueue {

    private record Entry(long at, long seq, Wait pending) {
    }

    private final PriorityQueue<Entry> queue = new PriorityQueue<>(
            (a, b) -> a.at != b.at ? Long.compare(a.at, b.at) : Long.compare(a.seq, b.seq));
    private long seq;

    public void schedule(Wait w) {
        queue.add(new Entry(w.getFireAt(), seq++, w));
    }

    /** The fire time of the next live wait, or {@code Long.MAX_VALUE} when none is pending. */
    public long nextAt() {
        dropStale();
        Entry head = queue.peek();
        return head == null ? Long.MAX_VALUE : head.at;
    }

    /** Removes and returns every live wait due at exactly {@code at}, in the order they were scheduled. */
    public List<Wait> takeDueAt(long at) {
        List<Wait> due = new ArrayList<>();
        dropStale();
        while (!queue.isEmpty() && queue.peek().at == at) {
            Wait w = queue.poll().pending;
            if (!w.isOver() && w.getFireAt() == at && !due.contains(w)) {
                due.add(w);
            }
            dropStale();
        }
        return due;
    }

    private void dropStale() {
        while (!queue.isEmpty()) {
            Entry head = queue.peek();
            if (!head.pending.isOver() && head.pending.getFireAt() == head.at) {
                return;
            }
            queue.poll();
        }
    }
}
