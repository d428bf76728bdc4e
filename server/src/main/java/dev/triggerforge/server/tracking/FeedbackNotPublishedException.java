package dev.triggerforge.server.tracking;

import dev.triggerforge.model.event.CustomerEvent;

/** The broker did not confirm a feedback event, so the caller can answer that it should try again. */
public class FeedbackNotPublishedException extends RuntimeException {

    public FeedbackNotPublishedException(CustomerEvent event, Throwable cause) {
        super("the broker did not confirm event " + event.eventId() + " in time", cause);
    }
}
