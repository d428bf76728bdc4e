package dev.triggerforge.server.events;

import dev.triggerforge.model.event.CustomerEvent;

import java.util.concurrent.CompletionStage;

/** Puts events on the events exchange, the one way in that every event takes, so they all get the same treatment. */
public interface EventPublisher {

    /** Completes when the broker has confirmed the event is stored. */
    CompletionStage<Void> publish(CustomerEvent event);
}
