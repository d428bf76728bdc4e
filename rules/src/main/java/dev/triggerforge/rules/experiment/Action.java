package dev.triggerforge.rules.experiment;

import dev.triggerforge.model.event.CustomerEvent;
import dev.triggerforge.model.event.EventType;
import dev.triggerforge.model.experiment.Metric;

/** The kinds of thing a customer does after an email that results count, each at most once per exposure. */
enum Action {
    DELIVERED,
    OPEN,
    CLICK,
    UNSUBSCRIBE,
    CONVERSION;

    /** The action an event is, or null when results do not count it. */
    static Action of(CustomerEvent event) {
        EventType type = event.type();
        if (type.equals(EventType.EMAIL_DELIVERED)) {
            return DELIVERED;
        }
        if (type.equals(EventType.EMAIL_OPEN)) {
            return OPEN;
        }
        if (type.equals(EventType.EMAIL_CLICK)) {
            return CLICK;
        }
        if (type.equals(EventType.EMAIL_UNSUBSCRIBE)) {
            return UNSUBSCRIBE;
        }
        return type.equals(EventType.PURCHASE) ? CONVERSION : null;
    }

    /** The action whose rate {@code metric} is. */
    static Action of(Metric metric) {
        return switch (metric) {
            case OPEN -> OPEN;
            case CLICK -> CLICK;
            case CONVERSION -> CONVERSION;
        };
    }

    /** Whether only a send can earn it: a holdout never gets the email, so it cannot be delivered, opened and so on. */
    boolean needsEmail() {
        return this != CONVERSION;
    }
}
