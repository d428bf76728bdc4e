package dev.triggerforge.model.report;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;

/**
 * One line of a customer's story in a run: an event, a wait that started, restarted, was cancelled or lapsed, a
 * send, a suppression. {@code what} is the event type, wait step, or {@code send}/{@code suppressed}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TimelineEntry(Instant at, String kind, String what, String ruleId, String detail, String eventId) {
}
