package dev.triggerforge.rules.experiment;

import dev.triggerforge.model.decision.EmailDecision;
import dev.triggerforge.model.event.CustomerEvent;
import dev.triggerforge.model.report.RuleKpi;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static dev.triggerforge.model.event.EventType.EMAIL_CLICK;
import static dev.triggerforge.model.event.EventType.EMAIL_DELIVERED;
import static dev.triggerforge.model.event.EventType.EMAIL_OPEN;
import static dev.triggerforge.rules.experiment.ExperimentFixtures.T0;
import static dev.triggerforge.rules.experiment.ExperimentFixtures.event;
import static dev.triggerforge.rules.experiment.ExperimentFixtures.feedback;
import static dev.triggerforge.rules.experiment.ExperimentFixtures.send;
import static dev.triggerforge.rules.experiment.ExperimentOutcomesTest.purchase;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** A rule's campaign numbers on a small hand-made log, attributed as experiments are. */
class CampaignKpisTest {

    private static final Duration WINDOW = Duration.ofHours(24);

    private static Instant at(long minutes) {
        return T0.plus(Duration.ofMinutes(minutes));
    }

    @Test
    void countsEachSendOncePerActionAndSumsRevenue() {
        List<EmailDecision> sends = List.of(send("k1", "cart", "c1", "a", T0), send("k1", "cart", "c1", "a", T0),
                send("k2", "cart", "c2", null, T0), send("k3", "cart", "c3", "b", at(60)),
                send("w1", "welcome", "c1", null, at(120)));
        List<CustomerEvent> events = List.of(
                feedback("d1", "c1", EMAIL_DELIVERED, at(1), "k1"),
                feedback("d2", "c2", EMAIL_DELIVERED, at(1), "k2"),
                event("d3", "c3", EMAIL_DELIVERED, at(61)),
                feedback("d4", "c1", EMAIL_DELIVERED, at(121), "w1"),
                feedback("o1", "c1", EMAIL_OPEN, at(5), "k1"),
                feedback("o2", "c1", EMAIL_OPEN, at(50), "k1"),
                event("o3", "c2", EMAIL_OPEN, at(120)),
                feedback("o4", "c9", EMAIL_OPEN, at(5), "unknown"),
                feedback("x1", "c1", EMAIL_CLICK, at(6), "k1"),
                purchase("p1", "c1", 180, "10.00", null),
                purchase("p2", "c1", 190, "99.00", "w1"),
                purchase("p3", "c2", 25 * 60, "70.00", null),
                purchase("p4", "c3", 70, "5.00", "k3"),
                purchase("p5", "c3", 80, "5.00", "k3"));

        RuleKpi kpi = CampaignKpis.compute("cart", sends, events, WINDOW, 0.95);

        // c1's purchase without sendId goes to its latest send of this rule (k1), not to the later welcome email;
        // c2's is a day and an hour late; c3 bought twice on k3: one conversion, both totals
        assertThat(kpi).extracting(RuleKpi::ruleId, RuleKpi::sends, RuleKpi::delivered, RuleKpi::opens,
                RuleKpi::clicks, RuleKpi::conversions, RuleKpi::revenue)
                .containsExactly("cart", 3L, 3L, 2L, 1L, 2L, 20.0);
        assertThat(kpi.revenuePerSend()).isCloseTo(20.0 / 3, within(1e-12));
        assertThat(kpi.deliveryRate().value()).isEqualTo(1.0);
        assertThat(kpi.openRate()).isEqualTo(Proportions.wilson(2, 3, 0.95));
        assertThat(kpi.clickRate()).isEqualTo(Proportions.wilson(1, 3, 0.95));
        assertThat(kpi.conversionRate()).isEqualTo(Proportions.wilson(2, 3, 0.95));
    }

    @Test
    void aRuleWithoutSendsHasZeroes() {
        RuleKpi kpi = CampaignKpis.compute("quiet", List.of(send("k1", "cart", "c1", null, T0)), List.of(), WINDOW,
                0.95);

        assertThat(kpi.sends()).isZero();
        assertThat(kpi.revenuePerSend()).isZero();
        assertThat(kpi.conversionRate().trials()).isZero();
        assertThatThrownBy(() -> CampaignKpis.compute("cart", List.of(), List.of(), Duration.ofHours(-1), 0.95))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
