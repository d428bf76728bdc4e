package dev.triggerforge.rules.experiment;

import dev.triggerforge.model.event.CustomerEvent;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds the exposure an email event (delivery, open, click, unsubscribe) or a purchase belongs to, by its
 * {@code sendId} or else by customer and time.
 */
final class Attribution {

    static final String SEND_ID = "sendId";

    private final List<Exposure> exposures;
    private final Duration window;
    private final Map<String, Integer> bySendId = new HashMap<>();
    private final Map<String, List<Integer>> byCustomer = new HashMap<>();

    /** {@code exposures} must be in time order; results are positions in that list. */
    Attribution(List<Exposure> exposures, Duration window) {
        this.exposures = exposures;
        this.window = window;
        for (int i = 0; i < exposures.size(); i++) {
            Exposure e = exposures.get(i);
            if (e.isSend()) {
                bySendId.putIfAbsent(e.sendId(), i);
            }
            byCustomer.computeIfAbsent(e.customerId(), c -> new ArrayList<>()).add(i);
        }
    }

    /** The exposure {@code event} is the given action on, by {@link #feedback} or {@link #conversion}; -1 when none. */
    int exposureOf(CustomerEvent event, Action action) {
        return action.needsEmail() ? feedback(event) : conversion(event);
    }

    /**
     * The send a delivery, open, click or unsubscribe is feedback on: the one its {@code sendId} names, whenever it
     * happened, or without a {@code sendId} the customer's latest send at or before the event within the window; -1
     * when none.
     */
    int feedback(CustomerEvent event) {
        String sendId = event.text(SEND_ID);
        if (sendId != null) {
            return bySendId.getOrDefault(sendId, -1);
        }
        return latest(event.customerId(), event.occurredAt(), true);
    }

    /**
     * The exposure a purchase converts: the send its {@code sendId} names, or without one the customer's latest send
     * or holdout; either way at or before the purchase and within the window; -1 when none.
     */
    int conversion(CustomerEvent event) {
        String sendId = event.text(SEND_ID);
        if (sendId == null) {
            return latest(event.customerId(), event.occurredAt(), false);
        }
        Integer position = bySendId.get(sendId);
        return position != null && inWindow(exposures.get(position).at(), event.occurredAt()) ? position : -1;
    }

    private int latest(String customerId, Instant at, boolean sendsOnly) {
        List<Integer> own = byCustomer.getOrDefault(customerId, List.of());
        for (int i = own.size() - 1; i >= 0; i--) {
            Exposure e = exposures.get(own.get(i));
            if (e.at().isAfter(at) || (sendsOnly && !e.isSend())) {
                continue;
            }
            if (!inWindow(e.at(), at)) {
                return -1;
            }
            return own.get(i);
        }
        return -1;
    }

    private boolean inWindow(Instant exposedAt, Instant eventAt) {
        return !eventAt.isBefore(exposedAt) && !eventAt.isAfter(exposedAt.plus(window));
    }
}
