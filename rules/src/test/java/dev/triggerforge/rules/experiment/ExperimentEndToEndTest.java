package dev.triggerforge.rules.experiment;

import dev.triggerforge.model.decision.EmailDecision;
import dev.triggerforge.model.decision.Suppression;
import dev.triggerforge.model.event.CustomerEvent;
import dev.triggerforge.model.report.ExperimentResult;
import dev.triggerforge.model.report.VariantResult;
import dev.triggerforge.model.report.Verdict;
import dev.triggerforge.model.trigger.TriggerSpec;
import dev.triggerforge.model.trigger.Variant;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static dev.triggerforge.model.event.EventType.EMAIL_CLICK;
import static dev.triggerforge.model.event.EventType.EMAIL_OPEN;
import static dev.triggerforge.model.event.EventType.PURCHASE;
import static dev.triggerforge.rules.experiment.ExperimentFixtures.T0;
import static dev.triggerforge.rules.experiment.ExperimentFixtures.arm;
import static dev.triggerforge.rules.experiment.ExperimentFixtures.event;
import static dev.triggerforge.rules.experiment.ExperimentFixtures.feedback;
import static dev.triggerforge.rules.experiment.ExperimentFixtures.heldOut;
import static dev.triggerforge.rules.experiment.ExperimentFixtures.holdoutArm;
import static dev.triggerforge.rules.experiment.ExperimentFixtures.send;
import static dev.triggerforge.rules.experiment.ExperimentFixtures.trigger;
import static dev.triggerforge.rules.experiment.ExperimentFixtures.variant;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Whole experiments on synthetic runs built without randomness: customers are assigned by the picker until every arm
 * has its exposures, and exactly every k-th exposure of an arm converts, so the outcome cannot flake.
 */
class ExperimentEndToEndTest {

    private static final Duration WINDOW = Duration.ofDays(3);
    private static final int PER_ARM = 4_000;

    /** The sends, holdouts and events of a synthetic run. */
    private static final class Run {
        final List<EmailDecision> sends = new ArrayList<>();
        final List<Suppression> suppressions = new ArrayList<>();
        final List<CustomerEvent> events = new ArrayList<>();

        ExperimentResult analyze(TriggerSpec trigger) {
            return new ExperimentAnalyzer(WINDOW, 0.95).analyze(trigger, sends, suppressions, events);
        }
    }

    /**
     * Assigns customers with the picker until each arm has {@link #PER_ARM} exposures; in an arm with period k, every
     * k-th exposure is followed by a purchase inside the window, and every 7th of the others by one just after it.
     */
    private static Run run(TriggerSpec trigger, Map<String, Integer> conversionPeriod) {
        Run run = new Run();
        Map<String, Integer> exposed = new HashMap<>();
        trigger.variants().forEach(v -> exposed.put(v.id(), 0));
        for (int i = 0; exposed.values().stream().anyMatch(n -> n < PER_ARM); i++) {
            String customer = "cust-" + i;
            Variant v = VariantPicker.pick(trigger.id(), customer, trigger.variants());
            if (exposed.get(v.id()) == PER_ARM) {
                continue;
            }
            int n = exposed.merge(v.id(), 1, Integer::sum);
            Instant at = T0.plus(Duration.ofMinutes(i));
            if (v.holdout()) {
                run.suppressions.add(heldOut(trigger.id(), customer, at));
            } else {
                String key = trigger.id() + "-" + customer;
                run.sends.add(send(key, trigger.id(), customer, v.id(), at));
                if (n % 3 == 0) {
                    run.events.add(feedback("open-" + i, customer, EMAIL_OPEN, at.plusSeconds(600), key));
                    run.events.add(event("click-" + i, customer, EMAIL_CLICK, at.plusSeconds(700)));
                }
            }
            if (n % conversionPeriod.get(v.id()) == 0) {
                run.events.add(event("buy-" + i, customer, PURCHASE, at.plus(Duration.ofHours(20))));
            } else if (n % 7 == 0) {
                run.events.add(event("late-" + i, customer, PURCHASE, at.plus(WINDOW).plusSeconds(1)));
            }
        }
        return run;
    }

    @Test
    void doubleTheConversionRateIsSignificantWithALiftOfOne() {
        TriggerSpec trigger = trigger("winback", arm("a", 1), arm("b", 1));

        ExperimentResult r = run(trigger, Map.of("a", 20, "b", 10)).analyze(trigger);

        VariantResult a = variant(r, "a");
        VariantResult b = variant(r, "b");
        assertThat(a.sends()).isEqualTo(PER_ARM);
        assertThat(b.sends()).isEqualTo(PER_ARM);
        assertThat(a.conversions()).isEqualTo(PER_ARM / 20);
        assertThat(b.conversions()).isEqualTo(PER_ARM / 10);
        assertThat(a.vsControl()).isNull();
        assertThat(b.vsControl().against()).isEqualTo("a");
        assertThat(b.vsControl().significant()).isTrue();
        assertThat(b.vsControl().lift()).isCloseTo(1.0, within(0.3));
        assertThat(b.conversionRate().low()).isGreaterThan(a.conversionRate().high());
        assertThat(b.opens()).isEqualTo(PER_ARM / 3);
        assertThat(b.clicks()).isEqualTo(PER_ARM / 3);
        assertThat(r.recommendation().verdict()).isEqualTo(Verdict.WINNER);
        assertThat(r.recommendation().variant()).isEqualTo("b");
    }

    @Test
    void equalConversionRatesAreNotSignificant() {
        TriggerSpec trigger = trigger("winback", arm("a", 1), arm("b", 1));

        ExperimentResult r = run(trigger, Map.of("a", 20, "b", 20)).analyze(trigger);

        VariantResult b = variant(r, "b");
        assertThat(b.conversions()).isEqualTo(variant(r, "a").conversions());
        assertThat(b.vsControl().significant()).isFalse();
        assertThat(b.vsControl().lift()).isZero();
        assertThat(b.vsControl().pValue()).isEqualTo(1.0);
        assertThat(b.vsControl().probabilityToBeat()).isCloseTo(0.5, within(1e-9));
        assertThat(r.recommendation().verdict()).as("4000 per arm cannot pin the difference to +-0.5 points")
                .isEqualTo(Verdict.NOT_YET);
    }

    @Test
    void liftIsMeasuredAgainstTheHoldout() {
        TriggerSpec trigger = trigger("browse", arm("a", 45), arm("b", 45), holdoutArm("none", 10));

        ExperimentResult r = run(trigger, Map.of("a", 16, "b", 25, "none", 25)).analyze(trigger);

        VariantResult holdout = variant(r, "none");
        assertThat(holdout.sends()).isEqualTo(PER_ARM);
        assertThat(holdout.assigned()).isEqualTo(PER_ARM);
        assertThat(holdout.conversions()).isEqualTo(PER_ARM / 25);
        assertThat(holdout.openRate()).isNull();
        assertThat(variant(r, "a").vsControl().against()).isEqualTo("none");
        assertThat(variant(r, "a").vsControl().lift()).isCloseTo(25.0 / 16 - 1, within(1e-9));
        assertThat(variant(r, "a").vsControl().significant()).isTrue();
        assertThat(variant(r, "b").vsControl().significant()).isFalse();
        assertThat(r.recommendation().verdict()).isEqualTo(Verdict.WINNER);
        assertThat(r.recommendation().variant()).isEqualTo("a");
    }
}
