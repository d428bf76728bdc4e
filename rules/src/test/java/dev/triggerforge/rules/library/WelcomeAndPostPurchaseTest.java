package dev.triggerforge.rules.library;

import dev.triggerforge.model.decision.EmailDecision;
import dev.triggerforge.model.decision.SuppressionReason;
import dev.triggerforge.rules.session.Scenario;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static dev.triggerforge.rules.session.Scenario.T0;
import static dev.triggerforge.rules.session.Scenario.purchase;
import static org.assertj.core.api.Assertions.assertThat;

/** The welcome at sign-up (once per customer, with the sign-up's profile effects) and the post-purchase follow-up. */
class WelcomeAndPostPurchaseTest {

    @SuppressWarnings("unchecked")
    private static Map<String, Object> section(EmailDecision d, String name) {
        return (Map<String, Object>) d.variables().get(name);
    }

    @Test
    void welcomeGoesOutAtSignupTime() {
        try (Scenario s = new Scenario().customer("c1")) {
            s.at(Duration.ofMinutes(7), "c1", "signup");
            assertThat(s.recorder.decisions).singleElement().satisfies(d -> {
                assertThat(d.ruleId()).isEqualTo("welcome");
                assertThat(d.templateId()).isEqualTo("welcome");
                assertThat(d.sendAt()).isEqualTo(T0.plus(Duration.ofMinutes(7)));
                assertThat(d.idempotencyKey()).isEqualTo("welcome|c1|customer");
                assertThat(d.causedBy()).containsExactly("e1");
                assertThat(section(d, "customer")).containsEntry("email", "c1@example.com");
            });
        }
    }

    @Test
    void aSecondSignupIsSilentlyIgnored() {
        try (Scenario s = new Scenario().customer("c1")) {
            s.at(Duration.ZERO, "c1", "signup");
            s.at(Duration.ofHours(1), "c1", "signup");
            s.at(Duration.ofDays(3), "c1", "signup");
            s.advance(Duration.ofDays(4));
            assertThat(s.recorder.decisions).extracting(EmailDecision::sendAt).containsExactly(T0);
            assertThat(s.recorder.suppressions).isEmpty();
        }
    }

    @Test
    void signupEmailFillsAnUnknownProfileButConsentIsStillMissing() {
        try (Scenario s = new Scenario()) {
            s.at(Duration.ZERO, "c1", "signup", "email", "new@example.com");
            s.advance(Duration.ofMinutes(1));
            assertThat(s.session.profile("c1").email()).isEqualTo("new@example.com");
            assertThat(s.session.profile("c1").marketingConsent()).isFalse();
            assertThat(s.recorder.decisions).isEmpty();
            assertThat(s.recorder.suppressions).singleElement().satisfies(sup -> {
                assertThat(sup.ruleId()).isEqualTo("welcome");
                assertThat(sup.reason()).isEqualTo(SuppressionReason.NO_CONSENT);
                assertThat(sup.at()).isEqualTo(T0);
            });
        }
    }

    @Test
    void signupWithMarketingConsentGetsTheWelcomeAtItsEmail() {
        try (Scenario s = new Scenario()) {
            s.at(Duration.ZERO, "c1", "signup", "email", "new@example.com", "marketingConsent", true);
            s.advance(Duration.ofMinutes(1));
            assertThat(s.recorder.suppressions).isEmpty();
            assertThat(s.recorder.decisions).singleElement()
                    .satisfies(d -> assertThat(section(d, "customer")).containsEntry("email", "new@example.com"));
        }
    }

    @Test
    void signupEmailDoesNotReplaceAKnownEmail() {
        try (Scenario s = new Scenario().customer("c1")) {
            s.at(Duration.ZERO, "c1", "signup", "email", "other@example.com");
            assertThat(s.session.profile("c1").email()).isEqualTo("c1@example.com");
            assertThat(s.recorder.decisions).singleElement()
                    .satisfies(d -> assertThat(section(d, "customer")).containsEntry("email", "c1@example.com"));
        }
    }

    @Test
    void postPurchaseGoesOutThreeDaysAfterThePurchaseWithItsLines() {
        try (Scenario s = new Scenario().customer("c1")) {
            s.at(Duration.ofMinutes(5), "c1", "purchase", purchase("o1", "A", "B"));
            Duration due = Duration.ofDays(3).plusMinutes(5);
            s.advance(due.minusMillis(1));
            assertThat(s.recorder.decisions).isEmpty();

            s.advance(due);
            assertThat(s.recorder.decisions).singleElement().satisfies(d -> {
                assertThat(d.ruleId()).isEqualTo("post-purchase");
                assertThat(d.templateId()).isEqualTo("post-purchase");
                assertThat(d.sendAt()).isEqualTo(T0.plus(due));
                assertThat(d.idempotencyKey()).isEqualTo("post-purchase|c1|order:o1");
                assertThat(d.causedBy()).containsExactly("e1");
                Map<String, Object> order = section(d, "order");
                assertThat(order).containsEntry("orderId", "o1").containsEntry("currency", "EUR");
                assertThat((List<?>) order.get("lines")).hasSize(2);
            });
        }
    }

    @Test
    void theSameOrderReportedTwiceSendsOnce() {
        try (Scenario s = new Scenario().customer("c1")) {
            s.at(Duration.ZERO, "c1", "purchase", purchase("o1", "A"));
            s.at(Duration.ofHours(1), "c1", "purchase", purchase("o1", "A"));
            s.advance(Duration.ofDays(3).plusHours(2));
            s.at(Duration.ofDays(3).plusHours(3), "c1", "purchase", purchase("o1", "A"));
            s.advance(Duration.ofDays(10));
            assertThat(s.recorder.decisionsFor("post-purchase")).extracting(EmailDecision::sendAt)
                    .containsExactly(T0.plus(Duration.ofDays(3)));
            assertThat(s.recorder.suppressions).isEmpty();
        }
    }

    @Test
    void eachOrderGetsItsOwnFollowUp() {
        try (Scenario s = new Scenario().customer("c1")) {
            s.at(Duration.ZERO, "c1", "purchase", purchase("o1", "A"));
            s.at(Duration.ofHours(1), "c1", "purchase", purchase("o2", "B"));
            s.advance(Duration.ofDays(4));
            assertThat(s.recorder.decisionsFor("post-purchase")).extracting(EmailDecision::idempotencyKey)
                    .containsExactly("post-purchase|c1|order:o1", "post-purchase|c1|order:o2");
        }
    }
}
