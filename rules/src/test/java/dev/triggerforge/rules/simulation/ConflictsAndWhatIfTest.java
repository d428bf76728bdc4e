package dev.triggerforge.rules.simulation;

import dev.triggerforge.model.report.Conflict;
import dev.triggerforge.model.report.ReportedSend;
import dev.triggerforge.model.report.SimulationReport;
import dev.triggerforge.model.report.WhatIfReport;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Overlapping triggers are found per customer and window; a what-if matches sends by idempotency key. */
class ConflictsAndWhatIfTest {

    private static final Instant T0 = Instant.parse("2026-03-10T09:00:00Z");

    private static ReportedSend send(String key, String rule, String customer, Duration at) {
        return new ReportedSend(rule, customer, T0.plus(at), rule, null, key, List.of(), null);
    }

    @Test
    void sendsFromDifferentRulesWithinTheWindowConflict() {
        List<ReportedSend> sends = List.of(
                send("k1", "cart-abandonment", "ann", Duration.ZERO),
                send("k2", "cart-abandonment", "bob", Duration.ZERO),
                send("k3", "browse-abandonment", "ann", Duration.ofHours(2)),
                send("k4", "cart-abandonment", "bob", Duration.ofHours(3)),
                send("k5", "welcome", "cem", Duration.ofHours(4)),
                send("k6", "post-purchase", "cem", Duration.ofHours(30)));
        List<Conflict> conflicts = Conflicts.find(sends, Duration.ofHours(24));
        assertThat(conflicts).singleElement().satisfies(c -> {
            assertThat(c.customerId()).isEqualTo("ann");
            assertThat(c.sends()).extracting(ReportedSend::idempotencyKey).containsExactly("k1", "k3");
        });
        assertThat(Conflicts.find(sends, Duration.ofHours(27))).extracting(Conflict::customerId)
                .containsExactly("ann", "cem");
    }

    @Test
    void whatIfReportsAddedRemovedAndMovedSends() {
        SimulationReport baseline = report("v1", List.of(send("k1", "welcome", "ann", Duration.ZERO),
                send("k2", "cart-abandonment", "bob", Duration.ofMinutes(30))));
        SimulationReport candidate = report("v2", List.of(send("k2", "cart-abandonment", "bob", Duration.ofMinutes(60)),
                send("k3", "browse-abandonment", "cem", Duration.ofHours(1))));
        WhatIfReport diff = WhatIf.compare(baseline, candidate);
        assertThat(diff.added()).extracting(ReportedSend::idempotencyKey).containsExactly("k3");
        assertThat(diff.removed()).extracting(ReportedSend::idempotencyKey).containsExactly("k1");
        assertThat(diff.moved()).singleElement().satisfies(m -> {
            assertThat(m.idempotencyKey()).isEqualTo("k2");
            assertThat(m.from()).isEqualTo(T0.plus(Duration.ofMinutes(30)));
            assertThat(m.to()).isEqualTo(T0.plus(Duration.ofMinutes(60)));
        });
        assertThat(WhatIf.compare(baseline, baseline).added()).isEmpty();
    }

    private static SimulationReport report(String name, List<ReportedSend> sends) {
        return new SimulationReport(name, T0, T0.plus(Duration.ofDays(1)), 0, 0, 0, List.of(), sends, List.of(),
                Map.of(), List.of(), List.of(), null);
    }
}
