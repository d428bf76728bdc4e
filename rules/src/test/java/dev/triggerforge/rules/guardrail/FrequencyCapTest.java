package dev.triggerforge.rules.guardrail;

import dev.triggerforge.model.decision.EmailDecision;
import dev.triggerforge.model.decision.Suppression;
import dev.triggerforge.model.decision.SuppressionReason;
import dev.triggerforge.model.profile.CustomerProfile;
import dev.triggerforge.model.ruleset.GuardrailSettings;
import dev.triggerforge.rules.library.TriggerLibrary;
import dev.triggerforge.rules.session.Recorder;
import dev.triggerforge.rules.session.Scenario;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;

import static dev.triggerforge.rules.session.Scenario.T0;
import static dev.triggerforge.rules.session.Scenario.cartLine;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** At most two trigger emails per customer in any rolling 24 hours, across rules; ties go to the higher priority. */
class FrequencyCapTest {

    private static Duration min(long m) {
        return Duration.ofMinutes(m);
    }

    private static void threeViews(Scenario s, Duration start, String sku) {
        for (int i = 0; i < 3; i++) {
            s.at(start.plus(min(10L * i)), "c1", "product_view", "sku", sku, "name", "Product " + sku,
                    "price", new BigDecimal("20.00"), "url", "https://shop.example/p/" + sku);
        }
    }

    @Test
    void theThirdTriggerEmailOfADayIsCapped() {
        try (Scenario s = new Scenario().customer("c1")) {
            s.at(min(0), "c1", "signup");
            s.at(min(60), "c1", "cart_add", cartLine("A", "10.00"));
            threeViews(s, min(120), "B");
            s.advance(Duration.ofHours(6));

            assertThat(s.recorder.decisions).extracting(EmailDecision::ruleId, EmailDecision::sendAt).containsExactly(
                    tuple("welcome", T0),
                    tuple("cart-abandonment", T0.plus(min(90))));
            assertThat(s.recorder.suppressions).singleElement().satisfies(sup -> {
                assertThat(sup.ruleId()).isEqualTo("browse-abandonment");
                assertThat(sup.reason()).isEqualTo(SuppressionReason.FREQUENCY_CAP);
                assertThat(sup.at()).isEqualTo(T0.plus(min(200)));
            });
        }
    }

    @Test
    void theWindowRollsTwentyFourHoursAfterEachSend() {
        try (Scenario s = new Scenario().customer("c1")) {
            s.at(min(0), "c1", "signup");
            s.at(min(60), "c1", "cart_add", cartLine("A", "10.00"));
            // due 23h after the welcome: both earlier sends are inside the window
            threeViews(s, Duration.ofHours(21).plusMinutes(40), "C");
            // due exactly 24h after the welcome: only the cart email is inside the window
            threeViews(s, Duration.ofHours(22).plusMinutes(40), "D");
            s.advance(Duration.ofHours(30));

            assertThat(s.recorder.suppressions).extracting(Suppression::reason, Suppression::at).containsExactly(
                    tuple(SuppressionReason.FREQUENCY_CAP, T0.plus(Duration.ofHours(23))));
            assertThat(s.recorder.decisions).extracting(EmailDecision::ruleId, EmailDecision::sendAt).containsExactly(
                    tuple("welcome", T0),
                    tuple("cart-abandonment", T0.plus(min(90))),
                    tuple("browse-abandonment", T0.plus(Duration.ofHours(24))));
        }
    }

    @Test
    void aTieAtTheEndOfQuietHoursGoesToTheHigherPriority() {
        try (Scenario s = new Scenario().customer("c1")) {
            s.at(min(0), "c1", "signup");                          // 10:00 UTC: welcome, one slot left until 10:00 tomorrow
            threeViews(s, Duration.ofHours(11), "B");              // 21:00-21:20: browse due 22:20, quiet
            s.at(Duration.ofHours(12), "c1", "cart_add", cartLine("A", "10.00")); // 22:00: cart due 22:30, quiet
            s.advance(Duration.ofHours(21).plusMinutes(59));
            assertThat(s.recorder.decisions).hasSize(1);

            s.advance(Duration.ofHours(23));
            var eight = T0.plus(Duration.ofHours(22));
            assertThat(s.recorder.decisions).extracting(EmailDecision::ruleId, EmailDecision::sendAt).containsExactly(
                    tuple("welcome", T0),
                    tuple("cart-abandonment", eight));
            assertThat(s.recorder.suppressions).singleElement().satisfies(sup -> {
                assertThat(sup.ruleId()).isEqualTo("browse-abandonment");
                assertThat(sup.reason()).isEqualTo(SuppressionReason.FREQUENCY_CAP);
                assertThat(sup.at()).isEqualTo(eight);
            });
        }
    }

    @Test
    void candidatesOfOneInstantAreJudgedHighestPriorityFirst() {
        List<String> byPriority = List.of("cart-abandonment", "browse-abandonment", "post-purchase", "welcome");
        List<Candidate> candidates = List.of(candidate("welcome"), candidate("browse-abandonment"),
                candidate("post-purchase"), candidate("cart-abandonment"));
        CustomerProfile profile = new CustomerProfile("c1", "c1@example.com", "UTC", "en", true, Map.of(), Map.of());

        Recorder all = new Recorder();
        new Guardrails(new GuardrailSettings(4, Duration.ofHours(24), LocalTime.of(21, 0), LocalTime.of(8, 0)),
                Duration.ofDays(30).toMillis()).judge(candidates, id -> profile, all);
        assertThat(all.decisions).extracting(EmailDecision::ruleId).containsExactlyElementsOf(byPriority);

        Recorder one = new Recorder();
        new Guardrails(new GuardrailSettings(1, Duration.ofHours(24), LocalTime.of(21, 0), LocalTime.of(8, 0)),
                Duration.ofDays(30).toMillis()).judge(candidates, id -> profile, one);
        assertThat(one.decisions).extracting(EmailDecision::ruleId).containsExactly("cart-abandonment");
        assertThat(one.suppressions).extracting(Suppression::ruleId)
                .containsExactly("browse-abandonment", "post-purchase", "welcome");
        assertThat(one.suppressions).allMatch(sup -> sup.reason() == SuppressionReason.FREQUENCY_CAP);
    }

    private static Candidate candidate(String ruleId) {
        int priority = TriggerLibrary.spec(ruleId).priority();
        return new Candidate(ruleId, "c1", "customer", ruleId + "|c1|customer", priority, ruleId, null, false, true,
                0, T0.toEpochMilli(), Map.of(), List.of("customer.email"), List.of());
    }
}
