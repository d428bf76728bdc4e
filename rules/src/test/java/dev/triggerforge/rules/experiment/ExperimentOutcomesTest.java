package dev.triggerforge.rules.experiment;

import dev.triggerforge.model.decision.EmailDecision;
import dev.triggerforge.model.decision.Suppression;
import dev.triggerforge.model.event.CustomerEvent;
import dev.triggerforge.model.report.Distribution;
import dev.triggerforge.model.report.ExperimentResult;
import dev.triggerforge.model.report.VariantResult;
import dev.triggerforge.model.trigger.TriggerSpec;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static dev.triggerforge.model.event.EventType.EMAIL_CLICK;
import static dev.triggerforge.model.event.EventType.EMAIL_DELIVERED;
import static dev.triggerforge.model.event.EventType.EMAIL_OPEN;
import static dev.triggerforge.model.event.EventType.EMAIL_UNSUBSCRIBE;
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
import static org.assertj.core.api.Assertions.within;

/** Deliveries, unsubscribes, revenue and the time from exposure to each first action, on a small hand-made log. */
class ExperimentOutcomesTest {

    static final TriggerSpec CART = trigger("cart", arm("a", 45), arm("b", 45), holdoutArm("h", 10));
    static final String HELD = customerIn(CART, "h", 0);

    private static Instant at(long minutes) {
        return T0.plus(Duration.ofMinutes(minutes));
    }

    static CustomerEvent purchase(String id, String customerId, long minutes, String total, String sendId) {
        Map<String, Object> properties = new HashMap<>(Map.of("total", new BigDecimal(total), "currency", "EUR"));
        if (sendId != null) {
            properties.put("sendId", sendId);
        }
        return CustomerEvent.of(id, customerId, PURCHASE, at(minutes), properties);
    }

    static final List<EmailDecision> SENDS = List.of(send("k1", "cart", "c1", "a", T0),
            send("k2", "cart", "c2", "a", T0), send("k3", "cart", "c3", "b", at(60)));
    static final List<Suppression> HOLDOUTS = List.of(heldOut("cart", HELD, T0));
    static final List<CustomerEvent> EVENTS = List.of(
            feedback("d1", "c1", EMAIL_DELIVERED, at(1), "k1"),
            event("d2", "c2", EMAIL_DELIVERED, at(2)),
            feedback("d3", "c3", EMAIL_DELIVERED, at(61), "k3"),
            event("d4", HELD, EMAIL_DELIVERED, at(1)),
            event("u1", "c2", EMAIL_UNSUBSCRIBE, at(180)),
            feedback("u2", "c1", EMAIL_UNSUBSCRIBE, at(30 * 60), "k1"),
            feedback("o1", "c1", EMAIL_OPEN, at(10), "k1"),
            feedback("o2", "c1", EMAIL_OPEN, at(5), "k1"),
            event("o3", "c2", EMAIL_OPEN, at(30)),
            feedback("x1", "c1", EMAIL_CLICK, at(20), "k1"),
            purchase("p1", "c1", 120, "30.00", "k1"),
            purchase("p2", "c1", 180, "20.00", null),
            purchase("p3", "c3", 90, "12.50", "k3"),
            purchase("p4", HELD, 60, "40.00", null));

    static ExperimentResult analyzed() {
        return new ExperimentAnalyzer(Duration.ofHours(24), 0.95).analyze(CART, SENDS, HOLDOUTS, EVENTS);
    }

    @Test
    void deliveriesAndUnsubscribesAreAttributedLikeOpens() {
        ExperimentResult r = analyzed();
        VariantResult a = variant(r, "a");

        assertThat(a.delivered()).as("k1 by its sendId, k2 as c2's latest send").isEqualTo(2);
        assertThat(a.unsubscribes()).as("c2 within the window, c1 by sendId even after it").isEqualTo(2);
        assertThat(a.deliveryRate().value()).isEqualTo(1.0);
        assertThat(a.unsubscribeRate().value()).isEqualTo(1.0);
        assertThat(variant(r, "b").delivered()).isEqualTo(1);
        assertThat(variant(r, "b").unsubscribes()).isZero();
        assertThat(variant(r, "h").delivered()).as("a holdout gets no email to deliver").isZero();
        assertThat(variant(r, "h").deliveryRate()).isNull();
        assertThat(variant(r, "h").unsubscribeRate()).isNull();
    }

    @Test
    void revenueSumsEveryAttributedPurchaseWhileConversionsCountOncePerExposure() {
        ExperimentResult r = analyzed();
        VariantResult a = variant(r, "a");

        assertThat(a.conversions()).isEqualTo(1);
        assertThat(a.revenue()).isEqualTo(50.0);
        // per exposure 50 and 0: mean 25, s = 35.355339, half width 1.959964 * 35.355339 / sqrt(2) = 48.999099
        assertThat(a.revenuePerRecipient().value()).isEqualTo(25.0);
        assertThat(a.revenuePerRecipient().low()).isZero();
        assertThat(a.revenuePerRecipient().high()).isCloseTo(73.999099, within(1e-6));
        assertThat(variant(r, "b").revenue()).isEqualTo(12.5);
        assertThat(variant(r, "h").revenue()).isEqualTo(40.0);
        assertThat(variant(r, "h").conversions()).isEqualTo(1);
    }

    @Test
    void timeToEachActionRunsFromTheExposureToTheFirstSuchAction() {
        ExperimentResult r = analyzed();
        VariantResult a = variant(r, "a");

        // c1 opened after 10 and after 5 minutes (first: 300 s), c2 after 30 minutes (1800 s)
        assertThat(a.timeToOpen()).isEqualTo(new Distribution(2, 300, 1050, 1800, 1800, 1800));
        assertThat(a.timeToClick()).isEqualTo(new Distribution(1, 1200, 1200, 1200, 1200, 1200));
        assertThat(a.timeToConversion()).as("c1's first purchase, 2 hours after")
                .isEqualTo(new Distribution(1, 7200, 7200, 7200, 7200, 7200));
        assertThat(variant(r, "b").timeToConversion().p50Seconds()).isEqualTo(1800);
        assertThat(variant(r, "b").timeToOpen()).isEqualTo(Distribution.EMPTY);
        assertThat(variant(r, "h").timeToConversion().p50Seconds()).isEqualTo(3600);
        assertThat(variant(r, "h").timeToOpen()).isNull();
    }

    @Test
    void resultsAreReportedUnderTheExperimentIdWhichAlsoSaltsTheHoldout() {
        TriggerSpec spring = CART.withExperiment(CART.variants(), "cart-spring", Map.of(), CART.templateId(),
                CART.waitDuration());
        String heldInSpring = customerIn(trigger("cart-spring", arm("a", 45), arm("b", 45), holdoutArm("h", 10)),
                "h", 0);
        String heldOnlyInCart = null;
        for (int i = 0; heldOnlyInCart == null; i++) {
            String c = customerIn(CART, "h", i);
            heldOnlyInCart = VariantPicker.pick("cart-spring", c, CART.variants()).holdout() ? null : c;
        }
        List<Suppression> holdouts = List.of(heldOut("cart", heldInSpring, T0), heldOut("cart", heldOnlyInCart, T0));

        ExperimentResult r = new ExperimentAnalyzer(Duration.ofHours(24), 0.95)
                .analyze(spring, SENDS, holdouts, List.of());

        assertThat(r.experimentId()).isEqualTo("cart-spring");
        assertThat(r.ruleId()).isEqualTo("cart");
        assertThat(variant(r, "h").sends()).as("only the customer the spring experiment holds out").isEqualTo(1);
        assertThat(analyzed().experimentId()).isEqualTo("cart");
        assertThat(analyzed().ruleId()).isEqualTo("cart");
    }
}
