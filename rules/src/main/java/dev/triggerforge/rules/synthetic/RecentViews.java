package dev.triggerforge.rules.synthetic;

import java.util.SplittableRandom;

/**
 * The products a customer looked at in the last 24 hours, across visits, so a journey can come back to them: that is
 * what produces three views of one sku within a day, the browse-abandonment trigger.
 */
final class RecentViews {

    private static final long DAY_MILLIS = 86_400_000L;
    private static final int CAPACITY = 16;

    private final int[] products = new int[CAPACITY];
    private final long[] viewedAt = new long[CAPACITY];
    private int count;

    /** A product index viewed within the 24 hours before {@code now}, or -1 when there is none. */
    int pickAgain(long now, SplittableRandom r) {
        for (int i = count - 1; i >= 0; i--) {
            if (viewedAt[i] < now - DAY_MILLIS) {
                drop(i);
            }
        }
        return count == 0 ? -1 : products[r.nextInt(count)];
    }

    /** Notes a view; when full, the least recently viewed product is forgotten. */
    void remember(int product, long at) {
        for (int i = 0; i < count; i++) {
            if (products[i] == product) {
                viewedAt[i] = at;
                return;
            }
        }
        if (count == CAPACITY) {
            drop(oldest());
        }
        products[count] = product;
        viewedAt[count] = at;
        count++;
    }

    private int oldest() {
        int oldest = 0;
        for (int i = 1; i < count; i++) {
            if (viewedAt[i] < viewedAt[oldest]) {
                oldest = i;
            }
        }
        return oldest;
    }

    private void drop(int i) {
        count--;
        products[i] = products[count];
        viewedAt[i] = viewedAt[count];
    }
}
