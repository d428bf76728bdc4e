package dev.triggerforge.rules.session;

import dev.triggerforge.model.event.CustomerEvent;
import dev.triggerforge.rules.guardrail.DecisionListener;

import java.time.Duration;

/**
 * Everything a session reports besides decisions and suppressions: events it refused to trigger on, and the life of
 * each wait, which is what a customer timeline shows.
 */
public interface SessionListener extends DecisionListener {

    /** The event was further behind the clock than the tolerance; its profile effects were still applied. */
    default void onLateEvent(CustomerEvent event, Duration behind) {
    }

    /** The event id was already seen; the event was ignored. */
    default void onDuplicateEvent(CustomerEvent event) {
    }

    default void onWait(WaitTrace trace) {
    }
}
