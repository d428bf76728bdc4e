package dev.triggerforge.model.report;

import java.time.Duration;
import java.util.List;

/** A customer who would get trigger emails from several rules within a short window: overlapping triggers. */
public record Conflict(String customerId, Duration window, List<ReportedSend> sends) {
}
