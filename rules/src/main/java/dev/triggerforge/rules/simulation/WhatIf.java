package dev.triggerforge.rules.simulation;

import dev.triggerforge.model.report.ReportedSend;
import dev.triggerforge.model.report.SimulationReport;
import dev.triggerforge.model.report.WhatIfReport;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The difference two rule sets make on the same events: sends only the candidate makes (added), sends only the
 * baseline makes (removed), and sends both make at another time (moved), matched by idempotency key.
 */
public final class WhatIf {

    private WhatIf() {
    }

    public static WhatIfReport compare(SimulationReport baseline, SimulationReport candidate) {
        Map<String, ReportedSend> before = byKey(baseline.sends());
        Map<String, ReportedSend> after = byKey(candidate.sends());
        List<ReportedSend> added = new ArrayList<>();
        List<WhatIfReport.MovedSend> moved = new ArrayList<>();
        after.forEach((key, send) -> {
            ReportedSend old = before.get(key);
            if (old == null) {
                added.add(send);
            } else if (!old.sendAt().equals(send.sendAt())) {
                moved.add(new WhatIfReport.MovedSend(key, send.ruleId(), send.customerId(), old.sendAt(),
                        send.sendAt()));
            }
        });
        List<ReportedSend> removed = new ArrayList<>();
        before.forEach((key, send) -> {
            if (!after.containsKey(key)) {
                removed.add(send);
            }
        });
        return new WhatIfReport(baseline.ruleSet(), candidate.ruleSet(), baseline.sends().size(),
                candidate.sends().size(), added, removed, moved);
    }

    private static Map<String, ReportedSend> byKey(List<ReportedSend> sends) {
        Map<String, ReportedSend> map = new LinkedHashMap<>();
        sends.forEach(s -> map.put(s.idempotencyKey(), s));
        return map;
    }
}
