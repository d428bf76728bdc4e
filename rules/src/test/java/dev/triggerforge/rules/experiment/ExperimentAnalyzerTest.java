package dev.triggerforge.rules.experiment;

import dev.triggerforge.model.decision.EmailDecision;
import dev.triggerforge.model.decision.Suppression;
import dev.triggerforge.model.decision.SuppressionReason;
import dev.triggerforge.model.event.CustomerEvent;
import dev.triggerforge.model.report.ExperimentResult;
import dev.triggerforge.model.report.VariantResult;
import dev.triggerforge.model.trigger.TriggerSpec;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static dev.triggerforge.model.event.EventType.EMAIL_CLICK;
import static dev.triggerforge.model.event.EventType.EMAIL_OPEN;
import static dev.triggerforge.model.event.EventType.PURCHASE;
import static dev.triggerforge.rules.experiment.ExperimentFixtures.T0;
import static dev.triggerforge.rules.experiment.ExperimentFixtures.arm;
import static dev.triggerforge.rules.experiment.ExperimentFixtures.customerIn;
import static dev.triggerforge.rules.experiment.ExperimentFixtures.event;
import static dev.triggerforge.rules.experiment.ExperimentFixtures.feedback;
import static dev.triggerforge.rules.experiment.ExperimentFixtures.heldOut;
import static dev.triggerforge.rules.experiment.ExperimentFixtures.holdoutArm;
import static dev.triggerforge.rules.experiment.ExperimentFixtures.send;
import static dev.triggerforge.rules.experiment.ExperimentFixtures.trigger;
import static dev.triggerforge.rules.experiment.ExperimentFixtures.variant;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/** Exposures and the attribution of opens, clicks and purchases to them, one rule at a time. */
class ExperimentAnalyzerTest {

    private static final Duration WINDOW = Duration.ofHours(24);
    private static final TriggerSpec CART = trigger("cart", arm("a", 45), arm("b", 45), holdoutArm("h", 10));
    private static final ExperimentAnalyzer ANALYZER = new ExperimentAnalyzer(WINDOW, 0.95);

    private static Duration hours(long h) {
        return Duration.ofHours(h);
    }

    private static ExperimentResult analyze(List<EmailDecision> sends, List<Suppression> suppressions,
                                            List<CustomerEvent> events) {
        return ANALYZER.analyze(CART, sends, suppressions, events);
    }

    @Test
    void aClickWithASendIdCountsForThatSendEvenWhenAnotherIsLater() {
        // c1 got k1 in arm a and later k2 in arm b (the weights changed between the two); the click names k1
        List<EmailDecision> sends = List.of(send("k1", "cart", "c1", "a", T0),
                send("k2", "cart", "c1", "b", T0.plus(hours(1))), send("other-1", "welcome", "c1", null, T0));
        List<CustomerEvent> events = List.of(feedback("e1", "c1", EMAIL_CLICK, T0.plus(hours(2)), "k1"),
                feedback("e2", "c1", EMAIL_CLICK, T0.plus(hours(2)), "other-1"));

        ExperimentResult r = analyze(sends, List.of(), events);

        assertThat(variant(r, "a").clicks()).isEqualTo(1);
        assertThat(variant(r, "b").clicks()).isZero();
        assertThat(variant(r, "a").clickRate().value()).isEqualTo(1.0);
    }

    @Test
    void anOpenWithoutASendIdCountsForTheLatestSendWithinTheWindow() {
        List<EmailDecision> sends = List.of(send("k1", "cart", "c1", "a", T0),
                send("k2", "cart", "c1", "b", T0.plus(hours(1))), send("k3", "cart", "c2", "a", T0),
                send("k4", "cart", "c3", "a", T0.plus(hours(5))));
        List<CustomerEvent> events = List.of(
                event("e1", "c1", EMAIL_OPEN, T0.plus(hours(3))),
                event("e2", "c2", EMAIL_OPEN, T0.plus(WINDOW).plusSeconds(1)),
                event("e3", "c3", EMAIL_OPEN, T0.plus(hours(4))));

        ExperimentResult r = analyze(sends, List.of(), events);

        assertThat(variant(r, "b").opens()).as("c1's latest send").isEqualTo(1);
        assertThat(variant(r, "a").opens()).as("c1's earlier send, c2 too late, c3 before its send").isZero();
    }

    @Test
    void aPurchaseAfterTheWindowIsNotAConversion() {
        List<EmailDecision> sends = List.of(send("k1", "cart", "c1", "a", T0), send("k2", "cart", "c2", "a", T0));
        List<CustomerEvent> events = List.of(
                event("e1", "c1", PURCHASE, T0.plus(WINDOW).plusSeconds(1)),
                event("e2", "c2", PURCHASE, T0.plus(WINDOW)));

        VariantResult a = variant(analyze(sends, List.of(), events), "a");

        assertThat(a.sends()).isEqualTo(2);
        assertThat(a.conversions()).as("only c2, on the last instant of the window").isEqualTo(1);
    }

    @Test
    void aPurchaseByItsSendIdStillHasToFallInTheWindow() {
        List<EmailDecision> sends = List.of(send("k1", "cart", "c1", "a", T0), send("k2", "cart", "c2", "a", T0));
        List<CustomerEvent> events = List.of(
                feedback("e1", "c1", PURCHASE, T0.plus(hours(30)), "k1"),
                feedback("e2", "c2", PURCHASE, T0.plus(hours(3)), "k2"),
                feedback("e3", "c1", PURCHASE, T0.plus(hours(2)), "some-other-email"));

        assertThat(variant(analyze(sends, List.of(), events), "a").conversions()).isEqualTo(1);
    }

    @Test
    void aHoldoutCustomersPurchaseWithinTheWindowIsAHoldoutConversion() {
        String held = customerIn(CART, "h", 0);
        String notHeld = customerIn(CART, "a", 0);
        List<Suppression> suppressions = List.of(heldOut("cart", held, T0),
                heldOut("cart", notHeld, T0),
                heldOut("welcome", held, T0),
                new Suppression("cart", held, T0, SuppressionReason.FREQUENCY_CAP, null, null));
        List<CustomerEvent> events = List.of(event("e1", held, PURCHASE, T0.plus(hours(2))),
                event("e2", held, EMAIL_OPEN, T0.plus(hours(1))));

        VariantResult h = variant(analyze(List.of(), suppressions, events), "h");

        assertThat(h.holdout()).isTrue();
        assertThat(h.assigned()).isEqualTo(1);
        assertThat(h.sends()).isEqualTo(1);
        assertThat(h.conversions()).isEqualTo(1);
        assertThat(h.opens()).isZero();
        assertThat(h.openRate()).isNull();
        assertThat(h.clickRate()).isNull();
        assertThat(h.conversionRate().value()).isEqualTo(1.0);
        assertThat(h.vsControl()).as("the holdout is the control").isNull();
        assertThat(variant(analyze(List.of(), suppressions, events), "a").sends())
                .as("a holdout suppression of a customer the picker puts in arm a is not an exposure").isZero();
    }

    @Test
    void anExposureConvertsAtMostOnceAndOnlyTheLatestOneConverts() {
        List<EmailDecision> sends = List.of(send("k1", "cart", "c1", "a", T0),
                send("k2", "cart", "c2", "b", T0), send("k3", "cart", "c2", "b", T0.plus(hours(3))));
        List<CustomerEvent> events = List.of(
                event("e1", "c1", PURCHASE, T0.plus(hours(1))),
                event("e2", "c1", PURCHASE, T0.plus(hours(2))),
                event("e3", "c2", PURCHASE, T0.plus(hours(4))));

        ExperimentResult r = analyze(sends, List.of(), events);

        assertThat(variant(r, "a").conversions()).isEqualTo(1);
        assertThat(variant(r, "b")).extracting(VariantResult::assigned, VariantResult::sends,
                VariantResult::conversions).containsExactly(1L, 2L, 1L);
    }

    @Test
    void aRepeatedSendCountsOnceAndOtherRulesAreIgnored() {
        List<EmailDecision> sends = List.of(send("k1", "cart", "c1", "a", T0), send("k1", "cart", "c1", "a", T0),
                send("w1", "welcome", "c2", "a", T0), send("k2", "cart", "c3", "unknown", T0));

        VariantResult a = variant(analyze(sends, List.of(), List.of()), "a");

        assertThat(a.sends()).isEqualTo(1);
        assertThat(a.assigned()).isEqualTo(1);
    }

    @Test
    void variantsComeInTheSpecsOrderAndAreComparedWithTheHoldout() {
        List<EmailDecision> sends = new ArrayList<>(List.of(send("k1", "cart", "c1", "b", T0),
                send("k2", "cart", "c2", "a", T0)));
        List<CustomerEvent> events = List.of(event("e1", "c1", PURCHASE, T0.plus(hours(1))));

        ExperimentResult r = analyze(sends, List.of(heldOut("cart", customerIn(CART, "h", 0), T0)), events);
        Collections.reverse(sends);
        ExperimentResult reversed = analyze(sends, List.of(heldOut("cart", customerIn(CART, "h", 0), T0)), events);

        assertThat(r.experimentId()).isEqualTo("cart");
        assertThat(r.attributionWindow()).isEqualTo(WINDOW);
        assertThat(r.variants()).extracting(VariantResult::variant, v -> v.vsControl() == null
                ? null : v.vsControl().against()).containsExactly(tuple("a", "h"), tuple("b", "h"),
                tuple("h", null));
        assertThat(reversed).isEqualTo(r);
    }

    @Test
    void withoutAHoldoutTheFirstVariantIsTheControl() {
        TriggerSpec ab = trigger("ab", arm("a", 1), arm("b", 1));
        ExperimentResult r = ANALYZER.analyze(ab, List.of(send("k1", "ab", "c1", "b", T0)), List.of(), List.of());

        assertThat(r.variants().get(0).vsControl()).isNull();
        assertThat(r.variants().get(1).vsControl().against()).isEqualTo("a");
        assertThat(r.variants().get(0).openRate().trials()).isZero();
    }

    @Test
    void aTriggerWithoutVariantsHasNoExperiment() {
        assertThatThrownBy(() -> ANALYZER.analyze(trigger("plain"), List.of(), List.of(), List.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ExperimentAnalyzer(WINDOW, 1.5)).isInstanceOf(IllegalArgumentException.class);
    }
}
