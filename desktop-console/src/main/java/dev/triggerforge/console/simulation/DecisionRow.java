package dev.triggerforge.console.simulation;

import dev.triggerforge.model.decision.Explanation;
import dev.triggerforge.model.decision.Suppression;
import dev.triggerforge.model.report.ReportedSend;
import dev.triggerforge.model.report.SimulationReport;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** A send or a suppression as one table line, so the marketer reads both in time order side by side. */
record DecisionRow(Instant at, String customerId, String ruleId, String outcome, String detail,
                   Explanation explanation, String sendKey) {

    static final String SENT = "sent";
    static final String SUPPRESSED = "suppressed";

    static List<DecisionRow> of(SimulationReport report) {
        List<DecisionRow> rows = new ArrayList<>(report.sends().size() + report.suppressions().size());
        report.sends().forEach(s -> rows.add(of(s)));
        report.suppressions().forEach(s -> rows.add(of(s)));
        rows.sort(Comparator.comparing(DecisionRow::at).thenComparing(DecisionRow::customerId)
                .thenComparing(DecisionRow::ruleId));
        return rows;
    }

    private static DecisionRow of(ReportedSend send) {
        String detail = send.templateId() + (send.variant() == null ? "" : " (variant " + send.variant() + ")");
        return new DecisionRow(send.sendAt(), send.customerId(), send.ruleId(), SENT, detail, send.explanation(),
                send.idempotencyKey());
    }

    private static DecisionRow of(Suppression suppression) {
        String detail = suppression.reason().wireName()
                + (suppression.detail() == null ? "" : ": " + suppression.detail());
        return new DecisionRow(suppression.at(), suppression.customerId(), suppression.ruleId(), SUPPRESSED, detail,
                null, null);
    }
}
