package dev.triggerforge.rules.optimization;

import dev.triggerforge.model.decision.EmailDecision;
import dev.triggerforge.model.decision.SuppressionReason;
import dev.triggerforge.model.optimization.PolicySnapshot;
import dev.triggerforge.model.ruleset.GuardrailSettings;
import dev.triggerforge.rules.compile.CompiledRuleSet;
import dev.triggerforge.rules.session.Scenario;
import dev.triggerforge.rules.session.SessionOptions;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.triggerforge.rules.session.Scenario.T0;
import static dev.triggerforge.rules.session.Scenario.cartLine;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A trigger with {@code bestTimeWithin} sends at the customer's best reading hour inside the window, and everything
 * that guards a send still holds: quiet hours, the frequency cap, and a purchase that cancels the reminder meanwhile.
 * T0 is 10:00 UTC, so the cart reminder falls due at 10:30.
 */
class BestSendTimeTest {

    private static final CompiledRuleSet RULES = AdaptiveRules.compile(AdaptiveRules.QUIET_21_TO_8,
            AdaptiveRules.cart("\"bestTimeWithin\": \"PT24H\""), AdaptiveRules.welcome());

    /** Opens, offered to the session, on each of the {@code days} days before T0 at {@code hour}:10 in the zone. */
    private static void readsAt(Scenario s, String customer, String zone, int hour, int days) {
        for (int d = days; d >= 1; d--) {
            s.at(T0.atZone(ZoneId.of(zone)).withHour(hour).withMinute(10).minusDays(d).toInstant(), customer,
                    "email_open");
        }
    }

    @Test
    void aDueReminderWaitsForTheCustomersReadingHourAndSaysWhy() {
        try (Scenario s = new Scenario(RULES, SessionOptions.DEFAULTS, T0.minus(Duration.ofDays(8)))) {
            s.customer("ann");
            readsAt(s, "ann", "UTC", 19, 6);
            s.at(Duration.ZERO, "ann", "cart_add", cartLine("A", "10.00"));
            s.advance(Duration.ofHours(8).plusMinutes(59));
            assertThat(s.recorder.decisionsFor("cart")).as("nothing before 19:00").isEmpty();

            s.advance(Duration.ofHours(10));
            List<EmailDecision> sends = s.recorder.decisionsFor("cart");
            assertThat(sends).singleElement().satisfies(d -> {
                assertThat(d.sendAt()).isEqualTo(Instant.parse("2026-03-10T19:00:00Z"));
                assertThat(d.explanation().dueAt()).isEqualTo(Instant.parse("2026-03-10T10:30:00Z"));
                assertThat(d.explanation().sendTimeReason()).contains("19:00").contains("6 of 6");
                assertThat(d.explanation().hourProbability()).isGreaterThan(0.5);
            });
        }
    }

    @Test
    void aFavouriteHourInsideQuietHoursIsNeverChosen() {
        try (Scenario s = new Scenario(RULES, SessionOptions.DEFAULTS, T0.minus(Duration.ofDays(8)))) {
            List<String> customers = new ArrayList<>();
            for (int hour : new int[] {21, 22, 23, 0, 3, 7}) {
                customers.add("night-" + hour);
                s.customer("night-" + hour, "Europe/Berlin");
            }
            for (int d = 6; d >= 1; d--) {
                for (int hour : new int[] {0, 3, 7, 21, 22, 23}) {
                    s.at(T0.atZone(ZoneId.of("Europe/Berlin")).withHour(hour).withMinute(10).minusDays(d).toInstant(),
                            "night-" + hour, "email_open");
                }
            }
            customers.forEach(id -> s.at(Duration.ZERO, id, "cart_add", cartLine("A", "10.00")));
            s.advance(Duration.ofDays(2));

            List<EmailDecision> sends = s.recorder.decisionsFor("cart");
            assertThat(sends).hasSize(customers.size());
            assertThat(sends).allSatisfy(d -> {
                LocalTime local = d.sendAt().atZone(ZoneId.of("Europe/Berlin")).toLocalTime();
                assertThat(local).as(d.customerId()).isBetween(LocalTime.of(8, 0), LocalTime.of(20, 59, 59));
                assertThat(d.explanation().sendTimeReason()).contains("is in quiet hours or outside the 24 h window");
            });
        }
    }

    @Test
    void aPurchaseWhileTheReminderWaitsForItsHourCancelsIt() {
        try (Scenario s = new Scenario(RULES, SessionOptions.DEFAULTS, T0.minus(Duration.ofDays(8)))) {
            s.customer("ann");
            readsAt(s, "ann", "UTC", 19, 6);
            s.at(Duration.ZERO, "ann", "cart_add", cartLine("A", "10.00"));
            s.at(Duration.ofHours(3), "ann", "purchase", Scenario.purchase("o-1", "A"));
            s.advance(Duration.ofDays(2));

            assertThat(s.recorder.decisionsFor("cart")).isEmpty();
        }
    }

    @Test
    void theFrequencyCapIsJudgedAtTheChosenTime() {
        GuardrailSettings oneADay = new GuardrailSettings(1, Duration.ofHours(24), LocalTime.of(21, 0),
                LocalTime.of(8, 0));
        CompiledRuleSet capped = AdaptiveRules.compile(oneADay, AdaptiveRules.cart("\"bestTimeWithin\": \"PT24H\""),
                AdaptiveRules.welcome());
        try (Scenario s = new Scenario(capped, SessionOptions.DEFAULTS, T0.minus(Duration.ofDays(8)))) {
            s.customer("ann");
            readsAt(s, "ann", "UTC", 19, 6);
            s.at(Duration.ZERO, "ann", "cart_add", cartLine("A", "10.00"));
            s.at(Duration.ofHours(5), "ann", "signup");
            s.advance(Duration.ofDays(2));

            assertThat(s.recorder.decisionsFor("welcome")).hasSize(1);
            assertThat(s.recorder.decisionsFor("cart")).as("the welcome at 15:00 used the day's only send").isEmpty();
            assertThat(s.recorder.suppressions).anySatisfy(x -> {
                assertThat(x.ruleId()).isEqualTo("cart");
                assertThat(x.reason()).isEqualTo(SuppressionReason.FREQUENCY_CAP);
                assertThat(x.at()).isEqualTo(Instant.parse("2026-03-10T19:00:00Z"));
            });
        }
    }

    @Test
    void aCustomerWithoutHistoryFollowsTheirSegmentsHabit() {
        try (Scenario s = new Scenario(RULES, SessionOptions.DEFAULTS, T0)) {
            s.customer("new-1");
            List<Long> evenings = new ArrayList<>();
            for (int h = 0; h < 24; h++) {
                evenings.add(h == 20 ? 400L : 10L);
            }
            s.session.usePolicy(new Policy(new PolicySnapshot(T0, Map.of(), Map.of("locale=en", evenings)),
                    OptimizationSettings.DEFAULTS));
            s.at(Duration.ZERO, "new-1", "cart_add", cartLine("A", "10.00"));
            s.advance(Duration.ofDays(1));

            assertThat(s.recorder.decisionsFor("cart")).singleElement().satisfies(d -> {
                assertThat(d.sendAt()).isEqualTo(Instant.parse("2026-03-10T20:00:00Z"));
                assertThat(d.explanation().sendTimeReason()).contains("segment").contains("20:00");
            });
        }
    }

    @Test
    void withoutTheOptionTheReminderGoesOutWhenDueAndCarriesNoExplanation() {
        CompiledRuleSet plain = AdaptiveRules.compile(AdaptiveRules.QUIET_21_TO_8, AdaptiveRules.cart("\"name\": \"c\""));
        try (Scenario s = new Scenario(plain, SessionOptions.DEFAULTS, T0.minus(Duration.ofDays(8)))) {
            s.customer("ann");
            readsAt(s, "ann", "UTC", 19, 6);
            s.at(Duration.ZERO, "ann", "cart_add", cartLine("A", "10.00"));
            s.advance(Duration.ofDays(1));

            assertThat(s.recorder.decisionsFor("cart")).singleElement().satisfies(d -> {
                assertThat(d.sendAt()).isEqualTo(Instant.parse("2026-03-10T10:30:00Z"));
                assertThat(d.explanation()).isNull();
            });
        }
    }
}
