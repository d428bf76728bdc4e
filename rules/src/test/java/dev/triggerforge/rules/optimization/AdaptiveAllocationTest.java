package dev.triggerforge.rules.optimization;

import dev.triggerforge.model.decision.EmailDecision;
import dev.triggerforge.model.decision.Suppression;
import dev.triggerforge.model.decision.SuppressionReason;
import dev.triggerforge.model.experiment.BanditSnapshot;
import dev.triggerforge.model.optimization.PolicySnapshot;
import dev.triggerforge.model.profile.CustomerProfile;
import dev.triggerforge.model.trigger.TriggerSpec;
import dev.triggerforge.rules.compile.CompiledRuleSet;
import dev.triggerforge.rules.experiment.VariantPicker;
import dev.triggerforge.rules.session.Scenario;
import dev.triggerforge.rules.session.SessionOptions;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static dev.triggerforge.rules.session.Scenario.T0;
import static dev.triggerforge.rules.session.Scenario.cartLine;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * An adaptive trigger draws each customer's variant from the period's Thompson probabilities: traffic follows the
 * counts, a segment with enough trials follows its own, the holdout stays exactly the customers a fixed split holds
 * out, and every decision carries the probabilities it was drawn from.
 */
class AdaptiveAllocationTest {

    private static final TriggerSpec CART = AdaptiveRules.cart("""
            "allocation": "adaptive", "variants": [{"id": "subject", "weight": 45}, {"id": "discount", "weight": 45},
             {"id": "holdout", "weight": 10, "holdout": true}]""");
    private static final CompiledRuleSet RULES = AdaptiveRules.compile(AdaptiveRules.QUIET_21_TO_8, CART);

    private static BanditSnapshot.Segment segment(String name, long subjectClicks, long discountClicks, long each) {
        return new BanditSnapshot.Segment(name, Map.of("subject", new BanditSnapshot.Arm(subjectClicks, each),
                "discount", new BanditSnapshot.Arm(discountClicks, each)));
    }

    /** Carts for {@code n} customers of the locale, with the given policy; returns the scenario's recorder output. */
    private static Scenario carts(PolicySnapshot policy, String locale, int n) {
        Scenario s = new Scenario(RULES, SessionOptions.DEFAULTS, T0);
        s.session.usePolicy(new Policy(policy, OptimizationSettings.DEFAULTS));
        for (int i = 0; i < n; i++) {
            s.session.putProfile(new CustomerProfile(locale + "-" + i, locale + i + "@example.com", "UTC", locale, true,
                    Map.of(), Map.of()));
            s.at(Duration.ofSeconds(i), locale + "-" + i, "cart_add", cartLine("A", "10.00"));
        }
        s.advance(Duration.ofHours(2));
        return s;
    }

    @Test
    void trafficFollowsTheCountsAndEveryDecisionCarriesItsProbabilities() {
        PolicySnapshot discountLeads = new PolicySnapshot(T0, Map.of("cart", new BanditSnapshot(10,
                List.of(segment("*", 20, 90, 1000)))), Map.of());
        try (Scenario s = carts(discountLeads, "en", 400)) {
            List<EmailDecision> sends = s.recorder.decisionsFor("cart");
            long discount = sends.stream().filter(d -> d.variant().equals("discount")).count();
            assertThat((double) discount / sends.size()).as("discount's share of the sends").isGreaterThan(0.9);
            assertThat(sends).allSatisfy(d -> {
                Map<String, Double> p = d.explanation().variantProbabilities();
                assertThat(p.keySet()).containsExactly("subject", "discount", "holdout");
                assertThat(p.values().stream().mapToDouble(Double::doubleValue).sum()).isCloseTo(1.0, within(1e-9));
                assertThat(p.get("holdout")).isCloseTo(0.10, within(1e-12));
                assertThat(p.get("subject")).as("the 5 % floor of the sending 90 %").isGreaterThanOrEqualTo(0.045 - 1e-9);
                assertThat(d.explanation().segment()).isEqualTo("locale=en|new");
                assertThat(d.explanation().policyAt()).isEqualTo(T0);
                assertThat(d.explanation().variantReason()).contains("pooled counts decide")
                        .contains("chose '" + d.variant() + "'");
            });
        }
    }

    @Test
    void theHoldoutIsExactlyWhoAFixedSplitHoldsOut() {
        PolicySnapshot discountLeads = new PolicySnapshot(T0, Map.of("cart", new BanditSnapshot(10,
                List.of(segment("*", 20, 90, 1000)))), Map.of());
        try (Scenario s = carts(discountLeads, "en", 400)) {
            List<String> heldOut = s.recorder.suppressions.stream()
                    .filter(x -> x.reason() == SuppressionReason.HOLDOUT).map(Suppression::customerId).toList();
            List<String> expected = java.util.stream.IntStream.range(0, 400).mapToObj(i -> "en-" + i)
                    .filter(id -> VariantPicker.pick("cart", id, CART.variants()).holdout()).toList();
            assertThat(heldOut).containsExactlyInAnyOrderElementsOf(expected).isNotEmpty();
            assertThat(s.recorder.suppressions).filteredOn(x -> x.reason() == SuppressionReason.HOLDOUT)
                    .allSatisfy(x -> assertThat(x.detail()).contains("fixed 10.0% holdout"));
        }
    }

    @Test
    void aSegmentWithEnoughTrialsFollowsItsOwnCounts() {
        PolicySnapshot split = new PolicySnapshot(T0, Map.of("cart", new BanditSnapshot(10, List.of(
                segment("*", 60, 200, 1300), segment("locale=de|new", 60, 5, 300)))), Map.of());
        try (Scenario de = carts(split, "de", 200); Scenario en = carts(split, "en", 200)) {
            assertThat(share(de.recorder.decisionsFor("cart"), "subject")).isGreaterThan(0.9);
            assertThat(share(en.recorder.decisionsFor("cart"), "discount")).isGreaterThan(0.9);
            assertThat(de.recorder.decisionsFor("cart")).allSatisfy(d ->
                    assertThat(d.explanation().variantReason()).startsWith("Segment 'locale=de|new' has 600 trials;"));
        }
    }

    @Test
    void withNothingLearnedTheSendingVariantsShareEvenly() {
        try (Scenario s = carts(PolicySnapshot.empty(T0), "en", 600)) {
            List<EmailDecision> sends = s.recorder.decisionsFor("cart");
            assertThat(sends).allSatisfy(d -> assertThat(d.explanation().variantProbabilities().get("subject"))
                    .isCloseTo(0.45, within(0.03)));
            assertThat(share(sends, "subject")).isCloseTo(0.5, within(0.07));
        }
    }

    private static double share(List<EmailDecision> sends, String variant) {
        return (double) sends.stream().filter(d -> variant.equals(d.variant())).count() / sends.size();
    }
}
