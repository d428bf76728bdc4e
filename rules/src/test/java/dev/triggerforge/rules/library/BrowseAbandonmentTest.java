package dev.triggerforge.rules.library;

import dev.triggerforge.model.decision.EmailDecision;
import dev.triggerforge.model.decision.Suppression;
import dev.triggerforge.model.decision.SuppressionReason;
import dev.triggerforge.model.profile.CustomerProfile;
import dev.triggerforge.model.profile.ObservedValue;
import dev.triggerforge.model.ruleset.GuardrailSettings;
import dev.triggerforge.model.ruleset.RuleSet;
import dev.triggerforge.model.trigger.TriggerSpec;
import dev.triggerforge.rules.session.Scenario;
import dev.triggerforge.rules.session.SessionOptions;
import dev.triggerforge.rules.session.WaitTrace;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static dev.triggerforge.rules.session.Scenario.T0;
import static dev.triggerforge.rules.session.Scenario.cartLine;
import static dev.triggerforge.rules.session.Scenario.purchase;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** The browse follow-up: an hour after the third view of one product within 24 hours, at most once per product a week. */
class BrowseAbandonmentTest {

    private static final String RULE = "browse-abandonment";

    private static Duration min(long m) {
        return Duration.ofMinutes(m);
    }

    private static Object[] view(String sku) {
        return new Object[]{"sku", sku, "name", "Product " + sku, "category", "shoes", "price", new BigDecimal("59.00"),
                "url", "https://shop.example/p/" + sku};
    }

    /** Three views of {@code sku}, ten minutes apart, starting at {@code start}. */
    private static void threeViews(Scenario s, Duration start, String customerId, String sku) {
        for (int i = 0; i < 3; i++) {
            s.at(start.plus(min(10L * i)), customerId, "product_view", view(sku));
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> product(EmailDecision d) {
        return (Map<String, Object>) d.variables().get("product");
    }

    @Test
    void sendsAnHourAfterTheThirdViewShowingTheThirdViewsProduct() {
        try (Scenario s = new Scenario().customer("c1")) {
            s.at(min(0), "c1", "product_view", view("A"));
            s.at(min(10), "c1", "product_view", view("A"));
            s.at(min(20), "c1", "product_view", "sku", "A", "name", "Trail Runner v2",
                    "url", "https://shop.example/p/A?v=2");
            s.advance(min(80).minusSeconds(1));
            assertThat(s.recorder.decisions).isEmpty();

            s.advance(min(80));
            assertThat(s.recorder.decisions).hasSize(1);
            EmailDecision d = s.recorder.decisions.get(0);
            assertThat(d.ruleId()).isEqualTo(RULE);
            assertThat(d.templateId()).isEqualTo(RULE);
            assertThat(d.sendAt()).isEqualTo(T0.plus(min(80)));
            assertThat(d.idempotencyKey()).isEqualTo("browse-abandonment|c1|sku:A|e3");
            assertThat(d.causedBy()).containsExactly("e1", "e2", "e3");
            assertThat(product(d)).containsEntry("sku", "A").containsEntry("name", "Trail Runner v2")
                    .containsEntry("url", "https://shop.example/p/A?v=2");
            assertThat(s.recorder.suppressions).isEmpty();
        }
    }

    @Test
    void twoViewsOrThreeViewsOfDifferentProductsSendNothing() {
        try (Scenario s = new Scenario().customer("c1")) {
            s.at(min(0), "c1", "product_view", view("A"));
            s.at(min(10), "c1", "product_view", view("A"));
            s.at(min(20), "c1", "product_view", view("B"));
            s.advance(Duration.ofDays(2));
            assertThat(s.recorder.decisions).isEmpty();
            assertThat(s.recorder.suppressions).isEmpty();
            assertThat(s.recorder.waits).isEmpty();
        }
    }

    @Test
    void threeViewsSpreadOverMoreThanADaySendNothing() {
        try (Scenario s = new Scenario().customer("c1")) {
            s.at(min(0), "c1", "product_view", view("A"));
            s.at(Duration.ofHours(12), "c1", "product_view", view("A"));
            s.at(Duration.ofHours(24).plusMinutes(1), "c1", "product_view", view("A"));
            s.advance(Duration.ofDays(3));
            assertThat(s.recorder.decisions).isEmpty();
            assertThat(s.recorder.waits).isEmpty();
        }
    }

    @Test
    void threeViewsWithinExactlyADayCount() {
        try (Scenario s = new Scenario().customer("c1")) {
            s.at(min(0), "c1", "product_view", view("A"));
            s.at(Duration.ofHours(12), "c1", "product_view", view("A"));
            s.at(Duration.ofHours(24), "c1", "product_view", view("A"));
            s.advance(Duration.ofDays(3));
            assertThat(s.recorder.decisions).extracting(EmailDecision::sendAt)
                    .containsExactly(T0.plus(Duration.ofHours(25)));
        }
    }

    @Test
    void addingTheProductToTheCartCancels() {
        try (Scenario s = new Scenario().customer("c1")) {
            threeViews(s, min(0), "c1", "A");
            s.at(min(40), "c1", "cart_add", cartLine("A", "59.00"));
            s.advance(Duration.ofHours(3));
            assertThat(s.recorder.decisionsFor(RULE)).isEmpty();
            assertThat(s.recorder.waits).anyMatch(w -> w.kind() == WaitTrace.Kind.CANCELLED && w.ruleId().equals(RULE)
                    && w.eventId().equals("e4") && w.subject().equals("sku:A"));
        }
    }

    @Test
    void buyingTheProductCancels() {
        try (Scenario s = new Scenario().customer("c1")) {
            threeViews(s, min(0), "c1", "A");
            s.at(min(50), "c1", "purchase", purchase("o1", "B", "A"));
            s.advance(Duration.ofHours(3));
            assertThat(s.recorder.decisionsFor(RULE)).isEmpty();
            assertThat(s.recorder.waits).anyMatch(w -> w.kind() == WaitTrace.Kind.CANCELLED && w.ruleId().equals(RULE)
                    && w.eventId().equals("e4"));
        }
    }

    @Test
    void addingOrBuyingAnotherProductDoesNotCancel() {
        try (Scenario s = new Scenario().customer("c1")) {
            threeViews(s, min(0), "c1", "A");
            s.at(min(30), "c1", "cart_add", cartLine("B", "10.00"));
            s.at(min(40), "c1", "purchase", purchase("o1", "C"));
            s.advance(Duration.ofHours(3));
            assertThat(s.recorder.decisionsFor(RULE)).extracting(EmailDecision::sendAt)
                    .containsExactly(T0.plus(min(80)));
            assertThat(s.recorder.waits).noneMatch(w -> w.kind() == WaitTrace.Kind.CANCELLED
                    && w.ruleId().equals(RULE));
        }
    }

    @Test
    void oncePerProductPerSevenDays() {
        try (Scenario s = new Scenario().customer("c1")) {
            threeViews(s, min(0), "c1", "A");
            s.advance(Duration.ofDays(1));
            assertThat(s.recorder.decisionsFor(RULE)).hasSize(1);

            threeViews(s, Duration.ofDays(2), "c1", "A");
            s.advance(Duration.ofDays(3));
            assertThat(s.recorder.decisionsFor(RULE)).hasSize(1);
            assertThat(s.recorder.suppressions).singleElement().satisfies(sup -> {
                assertThat(sup.ruleId()).isEqualTo(RULE);
                assertThat(sup.reason()).isEqualTo(SuppressionReason.ALREADY_SENT);
                assertThat(sup.at()).isEqualTo(T0.plus(Duration.ofDays(2)).plus(min(80)));
                assertThat(sup.causedBy()).containsExactly("e4", "e5", "e6");
            });

            threeViews(s, Duration.ofDays(8), "c1", "A");
            s.advance(Duration.ofDays(9));
            assertThat(s.recorder.decisionsFor(RULE)).extracting(EmailDecision::sendAt)
                    .containsExactly(T0.plus(min(80)), T0.plus(Duration.ofDays(8)).plus(min(80)));
            assertThat(s.recorder.suppressions).hasSize(1);
        }
    }

    @Test
    void aOncePerWindowLongerThanTheLedgerRetentionIsHonoured() {
        TriggerSpec browse = TriggerLibrary.spec(RULE);
        TriggerSpec bimonthly = new TriggerSpec(browse.id(), browse.name(), browse.description(), browse.priority(),
                browse.subject(), browse.entry(), browse.repeat(), browse.waitDuration(), browse.restartOn(),
                browse.cancelOn(), Duration.ofDays(60), browse.templateId(), browse.requires(), browse.variants(),
                browse.guardrails());
        var rules = Scenario.compile(new RuleSet("bimonthly", List.of(), List.of(bimonthly), GuardrailSettings.DEFAULTS));
        try (Scenario s = new Scenario(rules, SessionOptions.DEFAULTS, T0).customer("c1")) {
            assertThat(SessionOptions.DEFAULTS.ledgerRetention()).isLessThan(Duration.ofDays(40));
            threeViews(s, min(0), "c1", "A");
            threeViews(s, Duration.ofDays(40), "c1", "A");
            threeViews(s, Duration.ofDays(61), "c1", "A");
            s.advance(Duration.ofDays(62));
            assertThat(s.recorder.decisions).extracting(EmailDecision::sendAt)
                    .containsExactly(T0.plus(min(80)), T0.plus(Duration.ofDays(61)).plus(min(80)));
            assertThat(s.recorder.suppressions).extracting(Suppression::reason, Suppression::at)
                    .containsExactly(tuple(SuppressionReason.ALREADY_SENT, T0.plus(Duration.ofDays(40)).plus(min(80))));
        }
    }

    @Test
    void anotherProductIsNotLimitedByTheFirstProductsSend() {
        try (Scenario s = new Scenario().customer("c1")) {
            threeViews(s, min(0), "c1", "A");
            threeViews(s, Duration.ofHours(3), "c1", "B");
            s.advance(Duration.ofDays(1));
            assertThat(s.recorder.decisionsFor(RULE)).extracting(d -> product(d).get("sku"))
                    .containsExactly("A", "B");
        }
    }

    @Test
    void missingProductNameIsSuppressedAsMissingData() {
        try (Scenario s = new Scenario().customer("c1")) {
            for (int i = 0; i < 3; i++) {
                s.at(min(10L * i), "c1", "product_view", "sku", "A", "url", "https://shop.example/p/A");
            }
            s.advance(Duration.ofHours(3));
            assertThat(s.recorder.decisions).isEmpty();
            assertThat(s.recorder.suppressions).singleElement().satisfies(sup -> {
                assertThat(sup.ruleId()).isEqualTo(RULE);
                assertThat(sup.reason()).isEqualTo(SuppressionReason.MISSING_DATA);
                assertThat(sup.detail()).contains("product.name").doesNotContain("product.url");
                assertThat(sup.at()).isEqualTo(T0.plus(min(80)));
            });
        }
    }

    @Test
    void missingProductNameIsFilledFromTheProfileByFullPath() {
        try (Scenario s = new Scenario()) {
            s.session.putProfile(new CustomerProfile("c1", "c1@example.com", "UTC", "en", true,
                    Map.of("product.name", "Trail Runner"), Map.of()));
            for (int i = 0; i < 3; i++) {
                s.at(min(10L * i), "c1", "product_view", "sku", "A", "url", "https://shop.example/p/A");
            }
            s.advance(Duration.ofHours(3));
            assertThat(s.recorder.suppressions).isEmpty();
            assertThat(s.recorder.decisions).singleElement()
                    .satisfies(d -> assertThat(product(d)).containsEntry("name", "Trail Runner")
                            .containsEntry("sku", "A"));
        }
    }

    @Test
    void missingProductNameIsFilledFromALastKnownValueByLastSegment() {
        try (Scenario s = new Scenario()) {
            s.session.putProfile(new CustomerProfile("c1", "c1@example.com", "UTC", "en", true, Map.of(),
                    Map.of("name", new ObservedValue("Trail Runner", T0.minus(Duration.ofDays(1))))));
            for (int i = 0; i < 3; i++) {
                s.at(min(10L * i), "c1", "product_view", "sku", "A", "url", "https://shop.example/p/A");
            }
            s.advance(Duration.ofHours(3));
            assertThat(s.recorder.suppressions).extracting(Suppression::reason).isEmpty();
            assertThat(s.recorder.decisions).singleElement()
                    .satisfies(d -> assertThat(product(d)).containsEntry("name", "Trail Runner"));
        }
    }
}
