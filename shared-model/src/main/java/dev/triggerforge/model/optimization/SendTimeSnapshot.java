package dev.triggerforge.model.optimization;

import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * The saved state of a send-time engagement histogram, so what was learned about when customers read email survives a
 * restart and can be inspected as JSON.
 *
 * @param maxCustomers    how many customers the histogram keeps before evicting the least recently used
 * @param maxCountPerKind the total of one kind (opens, clicks or sends) of one customer at which that kind's counts
 *                        are halved
 * @param customers       the customers, least recently used first
 */
public record SendTimeSnapshot(int maxCustomers, int maxCountPerKind, List<CustomerHours> customers) {

    /** Hours of the day, 0 to 23. */
    public static final int HOURS = 24;

    public SendTimeSnapshot {
        if (maxCustomers < 1) {
            throw new IllegalArgumentException("maxCustomers must be at least 1, got " + maxCustomers);
        }
        if (maxCountPerKind < 2) {
            throw new IllegalArgumentException("maxCountPerKind must be at least 2, got " + maxCountPerKind);
        }
        customers = customers == null ? List.of() : List.copyOf(customers);
        if (customers.size() > maxCustomers) {
            throw new IllegalArgumentException(
                    customers.size() + " customers exceed maxCustomers " + maxCustomers);
        }
    }

    /**
     * One customer's counts by local hour of day (index 0 is 00:00-00:59 in the customer's zone).
     *
     * @param opens  {@code email_open} events by the local hour they happened
     * @param clicks {@code email_click} events by the local hour they happened
     * @param sends  {@code email_delivered} events (exposures) by the local hour they happened
     */
    public record CustomerHours(String customerId, List<Integer> opens, List<Integer> clicks, List<Integer> sends) {

        public CustomerHours {
            Objects.requireNonNull(customerId, "customerId");
            opens = hours("opens", opens);
            clicks = hours("clicks", clicks);
            sends = hours("sends", sends);
        }

        private static List<Integer> hours(String name, List<Integer> counts) {
            if (counts == null) {
                return List.copyOf(Collections.nCopies(HOURS, 0));
            }
            if (counts.size() != HOURS) {
                throw new IllegalArgumentException(name + " must have " + HOURS + " hourly counts, got "
                        + counts.size());
            }
            for (Integer c : counts) {
                if (c == null || c < 0) {
                    throw new IllegalArgumentException(name + " must hold counts of at least 0, got " + c);
                }
            }
            return List.copyOf(counts);
        }
    }
}
