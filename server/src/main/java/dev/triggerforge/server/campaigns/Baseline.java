package dev.triggerforge.server.campaigns;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A batch campaign's results as a marketer reports them (e.g. last month's newsletter about the same products):
 * recipients, how many opened, clicked and bought, and the revenue.
 */
public record Baseline(Long baselineId, String ruleId, String label, Instant from, Instant to, long recipients,
                       long opens, long clicks, long conversions, BigDecimal revenue) {

    /** What is wrong with it, field by field; empty when it can be recorded. */
    List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (ruleId == null || ruleId.isBlank()) {
            problems.add("ruleId: the rule this baseline is compared with is required");
        }
        if (label == null || label.isBlank()) {
            problems.add("label: a name such as 'November newsletter' is required");
        }
        if (from == null || to == null || !from.isBefore(to)) {
            problems.add("from, to: the campaign's period is required, from before to");
        }
        if (recipients < 1) {
            problems.add("recipients: must be at least 1");
        }
        if (opens < 0 || opens > recipients || clicks < 0 || clicks > recipients || conversions < 0
                || conversions > recipients) {
            problems.add("opens, clicks, conversions: must be between 0 and recipients (people, not events)");
        }
        if (revenue == null || revenue.signum() < 0) {
            problems.add("revenue: required, not negative");
        }
        return problems;
    }

    static Baseline of(BaselineRecord r) {
        return new Baseline(r.baselineId, r.ruleId, r.label, r.periodFrom, r.periodTo, r.recipients, r.opens,
                r.clicks, r.conversions, r.revenue);
    }
}
