package dev.triggerforge.server.webhooks;

import java.util.List;

/** The answer to a webhook call: how many items were taken and, for each one that was not, its index and why. */
public record ReportOutcome(int accepted, List<Rejected> rejected) {

    public record Rejected(int index, String sendId, String reason) {
    }
}
