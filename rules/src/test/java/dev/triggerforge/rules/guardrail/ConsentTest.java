package dev.triggerforge.rules.guardrail;

import dev.triggerforge.model.decision.SuppressionReason;
import dev.triggerforge.model.event.CustomerEvent;
import dev.triggerforge.model.profile.CustomerProfile;
import dev.triggerforge.rules.session.Offer;
import dev.triggerforge.rules.session.Scenario;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static dev.triggerforge.rules.session.Scenario.T0;
import static dev.triggerforge.rules.session.Scenario.cartLine;
import static dev.triggerforge.rules.session.Scenario.purchase;
import static org.assertj.core.api.Assertions.assertThat;

/** Marketing consent as judged at send time: missing or withdrawn consent suppresses, late withdrawals included. */
class ConsentTest {

    private static Duration min(long m) {
        return Duration.ofMinutes(m);
    }

    @Test
    void noConsentIsSuppressedWithTheRuleAndTime() {
        try (Scenario s = new Scenario()) {
            s.session.putProfile(new CustomerProfile("c1", "c1@example.com", "UTC", "en", false, Map.of(), Map.of()));
            s.at(min(0), "c1", "cart_add", cartLine("A", "10.00"));
            s.advance(Duration.ofHours(2));
            assertThat(s.recorder.decisions).isEmpty();
            assertThat(s.recorder.suppressions).singleElement().satisfies(sup -> {
                assertThat(sup.ruleId()).isEqualTo("cart-abandonment");
                assertThat(sup.customerId()).isEqualTo("c1");
                assertThat(sup.reason()).isEqualTo(SuppressionReason.NO_CONSENT);
                assertThat(sup.at()).isEqualTo(T0.plus(min(30)));
                assertThat(sup.causedBy()).containsExactly("e1");
            });
        }
    }

    @Test
    void aCustomerWithoutProfileHasNoConsent() {
        try (Scenario s = new Scenario()) {
            s.at(min(0), "stranger", "cart_add", cartLine("A", "10.00"));
            s.advance(Duration.ofHours(2));
            assertThat(s.recorder.decisions).isEmpty();
            assertThat(s.recorder.suppressions).singleElement()
                    .satisfies(sup -> assertThat(sup.reason()).isEqualTo(SuppressionReason.NO_CONSENT));
        }
    }

    @Test
    void unsubscribingWhileTheTriggerWaitsSuppressesAtTheDueTime() {
        try (Scenario s = new Scenario().customer("c1")) {
            s.at(min(0), "c1", "cart_add", cartLine("A", "10.00"));
            s.at(min(10), "c1", "email_unsubscribe");
            assertThat(s.session.profile("c1").marketingConsent()).isFalse();
            assertThat(s.recorder.suppressions).isEmpty();

            s.advance(Duration.ofHours(2));
            assertThat(s.recorder.decisions).isEmpty();
            assertThat(s.recorder.suppressions).singleElement().satisfies(sup -> {
                assertThat(sup.ruleId()).isEqualTo("cart-abandonment");
                assertThat(sup.reason()).isEqualTo(SuppressionReason.NO_CONSENT);
                assertThat(sup.at()).isEqualTo(T0.plus(min(30)));
            });
        }
    }

    @Test
    void aLateUnsubscribeStillRemovesConsent() {
        try (Scenario s = new Scenario().customer("c1")) {
            s.at(min(0), "c1", "purchase", purchase("o1", "A"));
            s.advance(Duration.ofDays(1));
            CustomerEvent unsubscribe = s.event("c1", "email_unsubscribe", T0.plus(Duration.ofDays(1)).minus(Duration.ofHours(3)));
            assertThat(s.session.offer(unsubscribe)).isEqualTo(Offer.LATE);
            assertThat(s.recorder.late).containsExactly(unsubscribe);
            assertThat(s.session.profile("c1").marketingConsent()).isFalse();

            s.advance(Duration.ofDays(4));
            assertThat(s.recorder.decisions).isEmpty();
            assertThat(s.recorder.suppressions).singleElement().satisfies(sup -> {
                assertThat(sup.ruleId()).isEqualTo("post-purchase");
                assertThat(sup.reason()).isEqualTo(SuppressionReason.NO_CONSENT);
                assertThat(sup.at()).isEqualTo(T0.plus(Duration.ofDays(3)));
            });
        }
    }

    @Test
    void anUnsubscribeOlderThanALaterConsentDoesNotWithdrawIt() {
        try (Scenario s = new Scenario()) {
            s.at(min(0), "c1", "profile_update", "email", "c1@example.com", "marketingConsent", true);
            s.at(min(5), "c1", "cart_add", cartLine("A", "10.00"));
            CustomerEvent stale = s.event("c1", "email_unsubscribe", T0.minus(Duration.ofHours(5)));
            assertThat(s.session.offer(stale)).isEqualTo(Offer.LATE);
            assertThat(s.session.profile("c1").marketingConsent()).isTrue();

            s.advance(Duration.ofHours(1));
            assertThat(s.recorder.suppressions).isEmpty();
            assertThat(s.recorder.decisionsFor("cart-abandonment")).hasSize(1);
        }
    }
}
