package dev.triggerforge.rules.guardrail;

import dev.triggerforge.model.decision.EmailDecision;
import dev.triggerforge.model.profile.CustomerProfile;
import dev.triggerforge.model.ruleset.GuardrailSettings;
import dev.triggerforge.model.ruleset.RuleSet;
import dev.triggerforge.model.trigger.GuardrailOverrides;
import dev.triggerforge.model.trigger.TriggerSpec;
import dev.triggerforge.rules.library.TriggerLibrary;
import dev.triggerforge.rules.session.Scenario;
import dev.triggerforge.rules.session.SessionOptions;
import dev.triggerforge.rules.session.WaitTrace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static dev.triggerforge.rules.session.Scenario.cartLine;
import static dev.triggerforge.rules.session.Scenario.purchase;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** Quiet hours (21:00-08:00 in the customer's zone) move a due send to the end of the window, across DST changes. */
class QuietHoursTest {

    private static final Instant DAY = Instant.parse("2026-03-10T06:00:00Z");
    private static final QuietHours NIGHT = new QuietHours(LocalTime.of(21, 0), LocalTime.of(8, 0));

    private static Scenario scenario(Instant start) {
        return new Scenario(Scenario.libraryRules(), SessionOptions.DEFAULTS, start);
    }

    private static Scenario zoned(Instant start, String customerId, String zone) {
        Scenario s = scenario(start);
        s.session.putProfile(new CustomerProfile(customerId, customerId + "@example.com", zone, "en", true, Map.of(),
                Map.of()));
        return s;
    }

    /** The send times of the cart reminder for a cart filled at {@code cartAt}, with the clock run a day past it. */
    private static List<Instant> cartReminder(Scenario s, String customerId, Instant cartAt) {
        s.at(cartAt, customerId, "cart_add", cartLine("A", "10.00"));
        s.session.advanceTo(cartAt.plus(Duration.ofDays(1)));
        return s.recorder.decisionsFor("cart-abandonment").stream().map(EmailDecision::sendAt).toList();
    }

    @ParameterizedTest(name = "cart at {0} -> sent at {1}")
    @CsvSource({
            "2026-03-10T12:00:00Z, 2026-03-10T12:30:00Z",   // afternoon: unchanged
            "2026-03-10T07:30:00Z, 2026-03-10T08:00:00Z",   // due exactly when quiet hours end
            "2026-03-10T20:29:00Z, 2026-03-10T20:59:00Z",   // due just before they start
            "2026-03-10T20:30:00Z, 2026-03-11T08:00:00Z",   // due exactly when they start
            "2026-03-10T20:45:00Z, 2026-03-11T08:00:00Z",   // due 21:15: next morning
            "2026-03-10T23:20:00Z, 2026-03-11T08:00:00Z",   // due 23:50: across midnight
            "2026-03-11T01:30:00Z, 2026-03-11T08:00:00Z",   // due 02:00: same morning
    })
    void aDueTimeInQuietHoursMovesToEightOClock(Instant cartAt, Instant sentAt) {
        try (Scenario s = zoned(DAY, "c1", "UTC")) {
            assertThat(cartReminder(s, "c1", cartAt)).containsExactly(sentAt);
        }
    }

    @Test
    void nothingGoesOutBeforeQuietHoursEnd() {
        try (Scenario s = zoned(DAY, "c1", "UTC")) {
            s.at(Instant.parse("2026-03-10T20:45:00Z"), "c1", "cart_add", cartLine("A", "10.00"));
            s.session.advanceTo(Instant.parse("2026-03-11T07:59:59.999Z"));
            assertThat(s.recorder.decisions).isEmpty();
            s.session.advanceTo(Instant.parse("2026-03-11T08:00:00Z"));
            assertThat(s.recorder.decisions).hasSize(1);
        }
    }

    @Test
    void quietHoursFollowTheCustomersZone() {
        Instant cartAt = Instant.parse("2026-03-11T00:45:00Z"); // 20:45 in New York (EDT), 00:45 in UTC
        try (Scenario s = zoned(DAY, "ny", "America/New_York")) {
            s.session.putProfile(new CustomerProfile("utc", "utc@example.com", "UTC", "en", true, Map.of(), Map.of()));
            s.session.putProfile(new CustomerProfile("mars", "mars@example.com", "Mars/Olympus_Mons", "en", true,
                    Map.of(), Map.of()));
            s.at(cartAt, "ny", "cart_add", cartLine("A", "10.00"));
            s.at(cartAt, "utc", "cart_add", cartLine("A", "10.00"));
            s.at(cartAt, "mars", "cart_add", cartLine("A", "10.00"));
            s.session.advanceTo(cartAt.plus(Duration.ofDays(1)));
            assertThat(s.recorder.decisions).extracting(EmailDecision::customerId, EmailDecision::sendAt)
                    .containsExactlyInAnyOrder(
                            tuple("ny", Instant.parse("2026-03-11T12:00:00Z")),
                            tuple("utc", Instant.parse("2026-03-11T08:00:00Z")),
                            tuple("mars", Instant.parse("2026-03-11T08:00:00Z")));
        }
    }

    @Test
    void anAfternoonInNewYorkIsNotQuiet() {
        try (Scenario s = zoned(DAY, "ny", "America/New_York")) {
            // 09:00 UTC is 05:00 in New York: quiet there, though not in UTC
            assertThat(cartReminder(s, "ny", Instant.parse("2026-03-10T09:00:00Z")))
                    .containsExactly(Instant.parse("2026-03-10T12:00:00Z"));
        }
        try (Scenario s = zoned(DAY, "ny", "America/New_York")) {
            assertThat(cartReminder(s, "ny", Instant.parse("2026-03-10T18:00:00Z")))
                    .containsExactly(Instant.parse("2026-03-10T18:30:00Z"));
        }
    }

    @Test
    void springForwardInBerlinEndsQuietHoursAtEightSummerTime() {
        // 2026-03-29: 02:00 CET becomes 03:00 CEST; the cart is due at 01:30 CET
        Instant cartAt = Instant.parse("2026-03-29T00:00:00Z");
        try (Scenario s = zoned(cartAt.minus(Duration.ofHours(1)), "de", "Europe/Berlin")) {
            assertThat(cartReminder(s, "de", cartAt)).containsExactly(Instant.parse("2026-03-29T06:00:00Z"));
        }
    }

    @Test
    void fallBackInBerlinEndsQuietHoursAtEightWinterTime() {
        // 2026-10-25: 03:00 CEST becomes 02:00 CET; the cart is due at 01:30 CEST
        Instant cartAt = Instant.parse("2026-10-24T23:00:00Z");
        try (Scenario s = zoned(cartAt.minus(Duration.ofHours(1)), "de", "Europe/Berlin")) {
            assertThat(cartReminder(s, "de", cartAt)).containsExactly(Instant.parse("2026-10-25T07:00:00Z"));
        }
    }

    @Test
    void aPurchaseDuringTheNightCancelsTheDeferredReminder() {
        try (Scenario s = zoned(DAY, "c1", "UTC")) {
            s.at(Instant.parse("2026-03-10T22:00:00Z"), "c1", "cart_add", cartLine("A", "10.00"));
            s.session.advanceTo(Instant.parse("2026-03-10T23:00:00Z"));
            s.at(Instant.parse("2026-03-11T03:00:00Z"), "c1", "purchase", purchase("o1", "A"));
            s.session.advanceTo(Instant.parse("2026-03-11T12:00:00Z"));
            assertThat(s.recorder.decisionsFor("cart-abandonment")).isEmpty();
            assertThat(s.recorder.suppressions).isEmpty();
            assertThat(s.recorder.waits).anySatisfy(w -> {
                assertThat(w.kind()).isEqualTo(WaitTrace.Kind.CANCELLED);
                assertThat(w.ruleId()).isEqualTo("cart-abandonment");
                assertThat(w.at()).isEqualTo(Instant.parse("2026-03-11T03:00:00Z"));
                assertThat(w.eventId()).isEqualTo("e2");
            });
        }
    }

    @Test
    void cartActivityDuringTheNightStillFeedsTheDeferredReminder() {
        try (Scenario s = zoned(DAY, "c1", "UTC")) {
            s.at(Instant.parse("2026-03-10T22:00:00Z"), "c1", "cart_add", cartLine("A", "10.00"));
            s.at(Instant.parse("2026-03-11T01:00:00Z"), "c1", "cart_add", cartLine("B", "5.00"));
            s.session.advanceTo(Instant.parse("2026-03-11T12:00:00Z"));
            assertThat(s.recorder.decisionsFor("cart-abandonment")).singleElement().satisfies(d -> {
                assertThat(d.sendAt()).isEqualTo(Instant.parse("2026-03-11T08:00:00Z"));
                assertThat(d.causedBy()).containsExactly("e1", "e2");
            });
        }
    }

    @Test
    void aWelcomeAtNightWaitsForTheMorning() {
        try (Scenario s = zoned(DAY, "c1", "UTC")) {
            s.at(Instant.parse("2026-03-10T23:00:00Z"), "c1", "signup");
            assertThat(s.recorder.decisions).isEmpty();
            s.session.advanceTo(Instant.parse("2026-03-11T12:00:00Z"));
            assertThat(s.recorder.decisions).extracting(EmailDecision::ruleId, EmailDecision::sendAt)
                    .containsExactly(tuple("welcome", Instant.parse("2026-03-11T08:00:00Z")));
        }
    }

    @Test
    void aTriggerThatOptsOutOfQuietHoursIsNotDeferred() {
        TriggerSpec cart = TriggerLibrary.spec("cart-abandonment");
        TriggerSpec loud = new TriggerSpec(cart.id(), cart.name(), cart.description(), cart.priority(), cart.subject(),
                cart.entry(), cart.repeat(), cart.waitDuration(), cart.restartOn(), cart.cancelOn(), cart.oncePer(),
                cart.templateId(), cart.requires(), cart.variants(), new GuardrailOverrides(null, false));
        var rules = Scenario.compile(new RuleSet("loud", List.of(), List.of(loud), GuardrailSettings.DEFAULTS));
        try (Scenario s = new Scenario(rules, SessionOptions.DEFAULTS, DAY).customer("c1")) {
            assertThat(cartReminder(s, "c1", Instant.parse("2026-03-10T22:00:00Z")))
                    .containsExactly(Instant.parse("2026-03-10T22:30:00Z"));
        }
    }

    @Test
    void nextAllowedOvernightWindow() {
        ZoneId utc = ZoneOffset.UTC;
        assertThat(nextAllowed(NIGHT, "2026-03-10T20:59:59Z", utc)).isEqualTo("2026-03-10T20:59:59Z");
        assertThat(nextAllowed(NIGHT, "2026-03-10T21:00:00Z", utc)).isEqualTo("2026-03-11T08:00:00Z");
        assertThat(nextAllowed(NIGHT, "2026-03-10T23:59:59Z", utc)).isEqualTo("2026-03-11T08:00:00Z");
        assertThat(nextAllowed(NIGHT, "2026-03-11T00:00:00Z", utc)).isEqualTo("2026-03-11T08:00:00Z");
        assertThat(nextAllowed(NIGHT, "2026-03-11T07:59:59Z", utc)).isEqualTo("2026-03-11T08:00:00Z");
        assertThat(nextAllowed(NIGHT, "2026-03-11T08:00:00Z", utc)).isEqualTo("2026-03-11T08:00:00Z");
        assertThat(nextAllowed(NIGHT, "2026-03-11T12:00:00Z", utc)).isEqualTo("2026-03-11T12:00:00Z");
    }

    @Test
    void nextAllowedInAZone() {
        ZoneId tokyo = ZoneId.of("Asia/Tokyo"); // UTC+9, no DST
        assertThat(nextAllowed(NIGHT, "2026-03-10T13:00:00Z", tokyo)).isEqualTo("2026-03-10T23:00:00Z");
        assertThat(nextAllowed(NIGHT, "2026-03-10T11:00:00Z", tokyo)).isEqualTo("2026-03-10T11:00:00Z");
    }

    @Test
    void nextAllowedSameDayWindow() {
        QuietHours lunch = new QuietHours(LocalTime.of(12, 0), LocalTime.of(14, 0));
        ZoneId utc = ZoneOffset.UTC;
        assertThat(nextAllowed(lunch, "2026-03-10T11:59:59Z", utc)).isEqualTo("2026-03-10T11:59:59Z");
        assertThat(nextAllowed(lunch, "2026-03-10T12:00:00Z", utc)).isEqualTo("2026-03-10T14:00:00Z");
        assertThat(nextAllowed(lunch, "2026-03-10T13:59:59Z", utc)).isEqualTo("2026-03-10T14:00:00Z");
        assertThat(nextAllowed(lunch, "2026-03-10T14:00:00Z", utc)).isEqualTo("2026-03-10T14:00:00Z");
        assertThat(nextAllowed(lunch, "2026-03-10T23:00:00Z", utc)).isEqualTo("2026-03-10T23:00:00Z");
    }

    @Test
    void equalStartAndEndDisableQuietHours() {
        QuietHours off = new QuietHours(LocalTime.of(21, 0), LocalTime.of(21, 0));
        for (String at : List.of("2026-03-10T21:00:00Z", "2026-03-10T23:30:00Z", "2026-03-11T03:00:00Z")) {
            assertThat(nextAllowed(off, at, ZoneOffset.UTC)).isEqualTo(at);
        }
    }

    @Test
    void anEndInsideTheSpringForwardGapMovesForward() {
        // quiet until 02:30, which does not exist in Berlin on 2026-03-29: it ends at 03:30 CEST (01:30Z)
        QuietHours early = new QuietHours(LocalTime.of(22, 0), LocalTime.of(2, 30));
        assertThat(nextAllowed(early, "2026-03-29T00:00:00Z", ZoneId.of("Europe/Berlin")))
                .isEqualTo("2026-03-29T01:30:00Z");
    }

    private static String nextAllowed(QuietHours quiet, String at, ZoneId zone) {
        return Instant.ofEpochMilli(quiet.nextAllowed(Instant.parse(at).toEpochMilli(), zone)).toString();
    }
}
