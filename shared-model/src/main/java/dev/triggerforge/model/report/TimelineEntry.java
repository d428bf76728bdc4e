package dev.triggerforge.model.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.triggerforge.model.decision.Explanation;

import java.time.Instant;

/**
 * One line of a customer's story in a run: an event, a wait that started, restarted, was cancelled or lapsed, a
 * send, a suppression. {@code what} is the event type, wait step, or {@code send}/{@code suppressed}.
 *
 * @param explanation for a send a model shaped, its chosen variant's and time's probabilities and reasons
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TimelineEntry(Instant at, String kind, String what, String ruleId, String detail, String eventId,
                            Explanation explanation) {

    /** A line no model had a hand in. */
    public TimelineEntry(Instant at, String kind, String what, String ruleId, String detail, String eventId) {
        this(at, kind, what, ruleId, detail, eventId, null);
    }
}
