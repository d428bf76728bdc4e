package dev.triggerforge.rules.session;

import java.time.Instant;

/**
 * One step in the life of a wait: started, restarted or cancelled by an event, or lapsed (its time came but the
 * trigger's condition no longer held, e.g. the cart was emptied).
 */
public record WaitTrace(Kind kind, String ruleId, String customerId, String subject, Instant at, String eventId) {

    public enum Kind { STARTED, RESTARTED, CANCELLED, LAPSED }
}
